// WCAG 2.2 contrast of the colour pairs a theme must keep readable. Pure: no DOM, tested in Node
// (tests/stories/contrast.test.ts), used by the theme workbench story.

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0–1 */
  a: number;
}

/** Reads `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(…)` and `rgba(…)`; anything else is `undefined`. */
export function parseColour(text: string): Rgba | undefined {
  const s = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s);
  if (hex) {
    let h = hex[1]!;
    if (h.length <= 4) h = [...h].map((c) => c + c).join('');
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
  if (fn) {
    const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4]);
    const [r, g, b] = [fn[1], fn[2], fn[3]].map((v) => Math.min(255, parseFloat(v!)));
    return { r: r!, g: g!, b: b!, a: Math.min(1, alpha) };
  }
  return undefined;
}

/** A colour laid over an opaque one (what the eye sees of a translucent colour). */
function over(top: Rgba, below: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, below.r), g: mix(top.g, below.g), b: mix(top.b, below.b), a: 1 };
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

/** WCAG relative luminance of an opaque colour. */
export function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio (1–21) of a foreground on a background; a translucent background is laid on white. */
export function contrastRatio(foreground: string, background: string): number | undefined {
  const fg = parseColour(foreground);
  const bgRaw = parseColour(background);
  if (!fg || !bgRaw) return undefined;
  const bg = bgRaw.a < 1 ? over(bgRaw, WHITE) : bgRaw;
  const [l1, l2] = [luminance(fg.a < 1 ? over(fg, bg) : fg), luminance(bg)];
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

export interface Pair {
  /** What the pair is, as a designer names it. */
  label: string;
  foreground: string;
  background: string;
  /** Text needs 4.5:1 (WCAG 1.4.3); a boundary, an icon or a focus ring needs 3:1 (1.4.11). */
  kind: 'text' | 'non-text';
}

/** The pairs that matter in Boussole's theme, by custom property name (without `--boussole-color-`). */
export const PAIRS: readonly Pair[] = [
  { label: 'Text on background', foreground: 'text', background: 'background', kind: 'text' },
  { label: 'Muted text on background', foreground: 'muted', background: 'background', kind: 'text' },
  { label: 'On-accent on accent', foreground: 'on-accent', background: 'accent', kind: 'text' },
  { label: 'Error on background', foreground: 'error', background: 'background', kind: 'text' },
  { label: 'Focus ring on background', foreground: 'focus', background: 'background', kind: 'non-text' },
  { label: 'Border on background', foreground: 'border', background: 'background', kind: 'non-text' },
];

export const minimumFor = (kind: Pair['kind']) => (kind === 'text' ? 4.5 : 3);

export interface Checked extends Pair {
  /** `undefined` when a colour cannot be read. */
  ratio: number | undefined;
  minimum: number;
  passes: boolean;
}

/** Each pair's ratio against its minimum, from a map of colour name (`text`, `accent`…) to CSS colour. */
export function checkPairs(colours: Record<string, string>): Checked[] {
  return PAIRS.map((pair) => {
    const ratio = contrastRatio(colours[pair.foreground] ?? '', colours[pair.background] ?? '');
    const minimum = minimumFor(pair.kind);
    return { ...pair, ratio, minimum, passes: ratio !== undefined && ratio >= minimum };
  });
}

/** The ratio as WCAG writes it, rounded down so that 4.499 never reads as 4.5. */
export const formatRatio = (ratio: number | undefined) => (ratio === undefined ? 'unreadable colour' : `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`);

/** The CSS block a developer pastes into the host page. */
export function cssBlock(properties: Record<string, string>, selector = ':root'): string {
  const lines = Object.entries(properties)
    .filter(([k, v]) => k.startsWith('--boussole-') && v)
    .map(([k, v]) => `  ${k}: ${v};`);
  return `${selector} {\n${lines.join('\n')}\n}\n`;
}
