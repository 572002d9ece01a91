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
    if (state !== 'filled' && state !== 'readonly') return null;
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
        <div class="workbench-preview" style=${state === 'narrow' ? 'width:320px;max-width:100%;border:1px dashed #6b7178' : ''}>
          ${keyed(`${state}-${revision}`, form)}
        </div>
      `,
      host,
    );
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
