import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoInstrument } from '../demo-instrument.js';
import { NO_AGE_BANDS, renderForm, type FormArgs } from '../support.js';
import { checkPairs, cssBlock, formatRatio } from './contrast.js';

/** The theme's defaults, as the elements' styles set them (a designer starts from these). */
const DEFAULTS: Record<string, string> = {
  '--boussole-color-text': '#1b1f24',
  '--boussole-color-muted': '#4b5259',
  '--boussole-color-background': '#ffffff',
  '--boussole-color-panel': '#f5f7f9',
  '--boussole-color-accent': '#0b5cad',
  '--boussole-color-on-accent': '#ffffff',
  '--boussole-color-selected': '#e8f1fb',
  '--boussole-color-error': '#b3261e',
  '--boussole-color-focus': '#0b5cad',
  '--boussole-color-border': '#6b7178',
  '--boussole-color-separator': '#d0d4d9',
  '--boussole-space': '1rem',
  '--boussole-radius': '6px',
};

type ThemeArgs = FormArgs & Record<string, unknown>;

/** The theme's properties as the story's args give them, each falling back to its default. */
const themeOf = (args: ThemeArgs) =>
  Object.fromEntries(Object.entries(DEFAULTS).map(([k, v]) => [k, typeof args[k] === 'string' && args[k] ? (args[k] as string) : v]));

function copy(event: Event) {
  const area = (event.currentTarget as HTMLElement).closest('section')!.querySelector('textarea')!;
  area.select();
  void navigator.clipboard?.writeText(area.value).catch(() => undefined);
}

function renderWorkbench(args: ThemeArgs) {
  const theme = themeOf(args);
  const colours = Object.fromEntries(Object.entries(theme).filter(([k]) => k.startsWith('--boussole-color-')).map(([k, v]) => [k.slice('--boussole-color-'.length), v]));
  const pairs = checkPairs(colours);
  const failing = pairs.filter((p) => !p.passes);
  return html`
    ${renderForm('boussole-form', args)}
    <section class="workbench-contrast" aria-labelledby="workbench-contrast-title">
      <h2 id="workbench-contrast-title">Contrast of the theme’s pairs</h2>
      <p role="status" data-failing=${failing.length}>
        ${failing.length === 0
          ? 'Every pair meets its WCAG minimum.'
          : `${failing.length} pair${failing.length > 1 ? 's' : ''} below the WCAG minimum: ${failing.map((p) => p.label.toLowerCase()).join(', ')}.`}
      </p>
      <table>
        <thead>
          <tr><th scope="col">Pair</th><th scope="col">Colours</th><th scope="col">Ratio</th><th scope="col">Minimum</th><th scope="col">Result</th></tr>
        </thead>
        <tbody>
          ${pairs.map(
            (p) => html`<tr data-pair=${p.label} data-passes=${String(p.passes)}>
              <th scope="row">${p.label}</th>
              <td>
                <span aria-hidden="true" style="display:inline-block;width:1em;height:1em;border:1px solid #555;vertical-align:middle;background:${colours[p.foreground]}"></span>
                <span aria-hidden="true" style="display:inline-block;width:1em;height:1em;border:1px solid #555;vertical-align:middle;background:${colours[p.background]}"></span>
                <code>${colours[p.foreground]}</code> on <code>${colours[p.background]}</code>
              </td>
              <td>${formatRatio(p.ratio)}</td>
              <td>${p.minimum}:1 (${p.kind})</td>
              <td>${p.passes ? 'Passes' : html`<strong>Too low</strong>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>
    <section class="workbench-css" aria-labelledby="workbench-css-title">
      <h2 id="workbench-css-title">CSS to copy</h2>
      <label for="workbench-css-text">The theme, for the host page’s stylesheet</label>
      <textarea id="workbench-css-text" readonly rows=${Object.keys(theme).length + 3} cols="48" style="display:block;max-width:100%;font-family:monospace">${cssBlock(theme, 'boussole-form, boussole-ces, boussole-needs-grid, boussole-pin-grid, boussole-summary, boussole-dashboard')}</textarea>
      <button type="button" style="min-height:2.75rem;min-width:2.75rem;padding:0.5rem 1rem;margin-top:0.5rem" @click=${copy}>Copy the CSS</button>
    </section>
  `;
}

/**
 * A designer's theme workbench: the colour and spacing custom properties as controls on a live form,
 * the WCAG contrast of each pair that matters computed as they change (4.5:1 for text, 3:1 for a
 * boundary or a focus ring), and the CSS block to copy into the host page.
 */
const meta: Meta<ThemeArgs> = {
  title: 'Workbench/Theme',
  component: 'boussole-form',
  args: { lang: 'fr', layout: 'all', readonly: false, instrument: demoInstrument, ...DEFAULTS },
  argTypes: { ...NO_AGE_BANDS, instrument: { control: false } },
  render: (args) => renderWorkbench(args),
};
export default meta;

export const Theme: StoryObj<ThemeArgs> = {};
