import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { parseInstrument, type SchemaProblem } from '../../src/schema/parse.js';
import type { Instrument, Result } from '../../src/schema/index.js';
import { demoInstrument } from '../demo-instrument.js';
import { filled, NO_AGE_BANDS, type FormArgs } from '../support.js';

const STATES = {
  empty: 'Empty',
  filled: 'Filled with valid answers',
  errors: 'Errors after a submit',
  readonly: 'Read-only',
  english: 'English',
  narrow: '320 px wide',
  print: 'Printed (print preview)',
} as const;
type State = keyof typeof STATES;

/** What the textarea holds, read as an instrument: its problems by path, or the instrument. */
function readInstrument(text: string): { instrument?: Instrument; problems: SchemaProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: '(root)', message: `not JSON: ${(error as Error).message}` }] };
  }
  const parsed = parseInstrument(json);
  return parsed.ok ? { instrument: parsed.value, problems: [] } : { problems: parsed.problems };
}

/**
 * The print rules of the element's own stylesheets (the rules inside its `@media print` blocks), as one
 * sheet that applies on screen: the preview shows what the print stylesheet gives, no more. Page size,
 * margins and page breaks are the browser's business when it prints; tests/stories/print.test.ts prints
 * to PDF for those.
 */
function printRulesOf(root: ShadowRoot, adopted: readonly CSSStyleSheet[]): CSSStyleSheet {
  const texts: string[] = [];
  const collect = (rules: CSSRuleList, printing: boolean) => {
    for (const rule of rules)
      if (rule instanceof CSSMediaRule) {
        const media = rule.media.mediaText;
        if (/\bprint\b/.test(media) && !/\bnot\b|\bonly screen\b/.test(media)) collect(rule.cssRules, true);
      } else if (rule instanceof CSSGroupingRule) collect(rule.cssRules, printing);
      else if (printing) texts.push(rule.cssText);
  };
  const sheets = [...adopted, ...[...root.querySelectorAll('style')].map((s) => s.sheet).filter((s) => s !== null)];
  for (const sheet of sheets) collect(sheet.cssRules, false);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(texts.join('\n'));
  return sheet;
}

/**
 * Applies its print rules to the element and to every shadow root inside it. Again after each update:
 * a stylesheet an element adopts later (a layout's chunk, loaded on need) brings its print rules too.
 */
function applyPrintRules(el: Element, done = new WeakMap<ShadowRoot, CSSStyleSheet>()): void {
  const root = el.shadowRoot;
  if (!root) return;
  const before = done.get(root);
  const own = root.adoptedStyleSheets.filter((sheet) => sheet !== before);
  const rules = printRulesOf(root, own);
  done.set(root, rules);
  root.adoptedStyleSheets = [...own, rules];
  for (const inner of root.querySelectorAll('*')) applyPrintRules(inner, done);
}
const printed = new WeakMap<ShadowRoot, CSSStyleSheet>();

/**
 * An instrument workbench: the instrument's JSON in a text box, its problems listed by path as one
 * types, the last valid version rendered live in `<boussole-form>` meanwhile, in the state chosen;
 * the edited JSON downloadable.
 */
function workbench(args: FormArgs, initial: State): HTMLElement {
  const host = document.createElement('div');
  host.className = 'workbench-instrument';
  let text = JSON.stringify(args.instrument ?? demoInstrument, null, 2);
  let shown = readInstrument(text).instrument ?? demoInstrument;
  let problems: SchemaProblem[] = [];
  let state: State = initial;
  let revision = 0;

  const valueFor = (instrument: Instrument): Result | null => {
    // Errors after a submit: submitted empty, every required answer missing.
    // Printed: a filled record, as it is printed after the meeting.
    if (state !== 'filled' && state !== 'readonly' && state !== 'print') return null;
    try {
      return filled(instrument);
    } catch {
      return null;
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${shown.id || 'instrument'}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const update = () => {
    const lang = state === 'english' ? 'en' : args.lang;
    const form = html`<boussole-form
      lang=${lang}
      layout=${args.layout ?? 'all'}
      ?readonly=${state === 'readonly' || !!args.readonly}
      .instrument=${shown}
      .value=${valueFor(shown)}
    ></boussole-form>`;
    render(
      html`
        <div class="workbench-editor">
          <label for="workbench-json">The instrument’s JSON</label>
          <textarea
            id="workbench-json"
            rows="16"
            spellcheck="false"
            aria-describedby="workbench-problems"
            style="display:block;width:100%;box-sizing:border-box;font-family:monospace"
            .value=${text}
            @input=${(e: Event) => {
              text = (e.target as HTMLTextAreaElement).value;
              const read = readInstrument(text);
              problems = read.problems;
              if (read.instrument) shown = read.instrument;
              update();
            }}
          ></textarea>
          <div id="workbench-problems" role="status">
            ${problems.length === 0
              ? html`<p>The instrument is valid; the form below shows it.</p>`
              : html`<p>${problems.length} problem${problems.length > 1 ? 's' : ''}; the form below keeps the last valid version.</p>
                  <ul>
                    ${problems.map((p) => html`<li><code>${p.path}</code>: ${p.message}</li>`)}
                  </ul>`}
          </div>
          <button type="button" style="min-height:2.75rem;padding:0.5rem 1rem" @click=${download}>Download the JSON</button>
          <fieldset>
            <legend>State shown</legend>
            ${(Object.keys(STATES) as State[]).map(
              (s) => html`<label style="display:inline-block;min-height:1.5rem;margin-inline-end:1rem"
                ><input
                  type="radio"
                  name="workbench-state"
                  value=${s}
                  .checked=${state === s}
                  @change=${() => {
                    state = s;
                    revision++;
                    update();
                  }}
                />
                ${STATES[s]}</label
              >`,
            )}
          </fieldset>
        </div>
        ${state === 'print'
          ? html`<section class="workbench-print" aria-labelledby="workbench-print-title">
              <h2 id="workbench-print-title" style="font-size:1rem">Print preview</h2>
              <p>The form with its print stylesheet applied on screen: what a printer gets, without the page breaks.</p>
              <div
                class="workbench-preview workbench-paper"
                style="width:min(100%,180mm);box-sizing:border-box;padding:12mm;background:#fff;color:#000;border:1px solid #6b7178;box-shadow:0 2px 8px rgb(0 0 0 / 0.25)"
              >
                ${keyed(`${state}-${revision}`, form)}
              </div>
            </section>`
          : html`<div class="workbench-preview" style=${state === 'narrow' ? 'width:320px;max-width:100%;border:1px dashed #6b7178' : ''}>
              ${keyed(`${state}-${revision}`, form)}
            </div>`}
      `,
      host,
    );
    if (state === 'print') {
      const el = host.querySelector('boussole-form');
      if (el) {
        applyPrintRules(el, printed);
        // Parts rendered later (shadow roots of elements inside it) get theirs once it has rendered.
        void (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete.then(() => applyPrintRules(el, printed));
      }
    }
    if (state === 'errors') {
      const el = host.querySelector('boussole-form') as (HTMLElement & { updateComplete: Promise<unknown>; submit(): boolean }) | null;
      // Once, right after the state was chosen (a fresh element), as a person pressing Submit.
      if (el && !el.dataset.submitted) {
        el.dataset.submitted = 'yes';
        void el.updateComplete.then(() => el.submit());
      }
    }
  };
  update();
  return host;
}

const meta: Meta<FormArgs> = {
  title: 'Workbench/Instrument',
  component: 'boussole-form',
  args: { lang: 'fr', layout: 'all', readonly: false, instrument: demoInstrument },
  argTypes: { ...NO_AGE_BANDS, instrument: { control: false } },
};
export default meta;
type Story = StoryObj<FormArgs>;

/** Paste or edit an instrument: problems by path as you type, the last valid version on screen. */
export const Edit: Story = { render: (args) => workbench(args, 'empty') };
export const Filled: Story = { render: (args) => workbench(args, 'filled') };
export const ErrorsAfterSubmit: Story = { render: (args) => workbench(args, 'errors') };
export const ReadOnly: Story = { render: (args) => workbench(args, 'readonly') };
export const English: Story = { render: (args) => workbench(args, 'english') };
export const Narrow: Story = { name: '320 px wide', render: (args) => workbench(args, 'narrow') };
/** The same instrument printed: every section, none of the screen's buttons. */
export const Printed: Story = { name: 'Printed (print preview)', render: (args) => workbench(args, 'print') };
