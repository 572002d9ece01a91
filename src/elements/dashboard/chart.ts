import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/**
 * An accessible stacked-bar chart (W3C WAI complex images): an SVG with `role="img"`, a `<title>` and
 * a description that states the trend in words, one bar per session. Colour is never alone: the
 * levels alternate dark and light fills (each next to the other at 6:1 or more, every bar outlined
 * in the text colour), each level has its own pattern, each segment carries its count as a label,
 * and the legend sits in the chart. The data table beside it is the element's business.
 */

export interface ChartSeries {
  code: string;
  label: string;
}

export interface ChartRow {
  /** Stable key of the session (for `data-row`). */
  key: string;
  label: string;
  /** Count per series, in the series' order. */
  counts: readonly number[];
  /** Length of the whole bar (items of the section); what is not in a segment is unanswered. */
  items: number;
  /** The status written after the bar. */
  status: string;
}

/** Fills alternate dark and light so that any two neighbours differ by 3:1 or more (here 5.6:1 at least). */
export const SERIES_STYLES = [
  { fill: '#0b3c74', line: '#ffffff', pattern: '' },
  { fill: '#a9cbeb', line: '#1b1f24', pattern: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4' },
  { fill: '#7a2e0e', line: '#ffffff', pattern: 'M4,4 m-1.2,0 a1.2,1.2 0 1,0 2.4,0 a1.2,1.2 0 1,0 -2.4,0' },
  { fill: '#e4e4e4', line: '#1b1f24', pattern: 'M0,4 h8 M4,0 v8' },
] as const;

export const seriesStyle = (index: number) => SERIES_STYLES[index % SERIES_STYLES.length]!;

const WIDTH = 680;
const BAR = 440;
const ROW = 62;
const LEGEND_LINE = 22;

export function tallyChart(id: string, title: string, description: string, series: readonly ChartSeries[], rows: readonly ChartRow[]): TemplateResult {
  const legendTop = rows.length * ROW + 8;
  const height = legendTop + series.length * LEGEND_LINE + 4;
  const fill = (s: number) => (seriesStyle(s).pattern ? `url(#${id}-p${s})` : seriesStyle(s).fill);
  return html`<svg
    class="chart"
    role="img"
    aria-labelledby="${id}-title"
    aria-describedby="${id}-desc"
    viewBox="0 0 ${WIDTH} ${height}"
    preserveAspectRatio="xMinYMin meet"
  >
    <title id="${id}-title">${title}</title>
    <desc>${description}</desc>
    <defs>
      ${series.map((_, s) => {
        const style = seriesStyle(s);
        return style.pattern
          ? svg`<pattern id="${id}-p${s}" patternUnits="userSpaceOnUse" width="8" height="8">
              <rect width="8" height="8" fill=${style.fill}></rect>
              <path d=${style.pattern} stroke=${style.line} stroke-width="1.2" fill=${style.pattern.includes('a1.2') ? style.line : 'none'}></path>
            </pattern>`
          : svg``;
      })}
    </defs>
    ${rows.map((row, r) => bar(row, r * ROW, series, fill))}
    ${series.map(
      (item, s) => svg`<g class="legend-entry" transform="translate(0 ${legendTop + s * LEGEND_LINE})">
        <rect x="0.5" y="0.5" width="28" height="15" fill=${fill(s)} stroke="#1b1f24"></rect>
        <text x="36" y="13">${item.label}</text>
      </g>`,
    )}
  </svg>`;
}

function bar(row: ChartRow, top: number, series: readonly ChartSeries[], fill: (s: number) => string): SVGTemplateResult {
  const scale = row.items > 0 ? BAR / row.items : 0;
  let x = 0.5;
  const marks: SVGTemplateResult[] = [];
  row.counts.forEach((count, s) => {
    if (count <= 0) return;
    const width = count * scale;
    marks.push(svg`<g class="mark" data-row=${row.key} data-level=${series[s]!.code} data-count=${count}>
      <rect x=${x} y=${top + 20.5} width=${width} height="26" fill=${fill(s)} stroke="#1b1f24"></rect>
      <text class="count" x=${x + width / 2} y=${top + 38} text-anchor="middle">${count}</text>
    </g>`);
    x += width;
  });
  return svg`<g class="bar">
    <text class="session" x="0" y=${top + 14}>${row.label}</text>
    <rect class="whole" x="0.5" y=${top + 20.5} width=${BAR} height="26" fill="none" stroke="#6b7178" stroke-dasharray="4 3"></rect>
    ${marks}
    <text class="status" x=${BAR + 12} y=${top + 38}>${row.status}</text>
  </g>`;
}
