import { css } from 'lit';

/**
 * What every element shares: the tokens, type, headings, the focus ring, visually hidden text.
 * Public tokens are `--boussole-*` on the host; everything inside reads private `--_*` copies so
 * defaults live in one place. Colours meet WCAG 2.2 AA on white; targets are at least 44 px.
 * Each element then lists the sheets of the parts it renders, in this folder's cascade order:
 * base, controls, section, item, date-input, form, session, error-summary, notices, navigation,
 * summary, tables.
 */
export const baseStyles = css`
  :host {
    --_text: var(--boussole-color-text, #1b1f24);
    --_muted: var(--boussole-color-muted, #4b5259);
    --_bg: var(--boussole-color-background, #ffffff);
    --_accent: var(--boussole-color-accent, #0b5cad);
    --_on-accent: var(--boussole-color-on-accent, #ffffff);
    --_error: var(--boussole-color-error, #b3261e);
    --_border: var(--boussole-color-border, #6b7178);
    --_focus: var(--boussole-color-focus, #0b5cad);
    --_selected: var(--boussole-color-selected, #e8f1fb);
    --_separator: var(--boussole-color-separator, #d0d4d9);
    --_panel: var(--boussole-color-panel, #f5f7f9);
    --_radius: var(--boussole-radius, 6px);
    --_space: var(--boussole-space, 1rem);
    display: block;
    color: var(--_text);
    font-family: var(--boussole-font-family, inherit);
    font-size: var(--boussole-font-size, 1rem);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .base {
    max-width: var(--boussole-max-width, 60rem);
    overflow-wrap: break-word;
  }
  /* Headings are styled by what they title, whatever level the host chose (heading-level). */
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    font-size: 1.1em;
    margin: var(--_space) 0 calc(var(--_space) / 2);
    line-height: 1.3;
  }
  .title {
    font-size: 1.5em;
    margin: 0 0 calc(var(--_space) / 2);
    line-height: 1.25;
  }
  .top > .section-title,
  .summary-title,
  .error-summary-title {
    font-size: 1.25em;
    margin: 0 0 calc(var(--_space) / 2);
  }
  p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  header {
    margin-bottom: var(--_space);
  }
  .description,
  .help,
  .hint,
  .source,
  .note {
    color: var(--_muted);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media print {
    /* A title stays with what it titles: never alone at the foot of a page. */
    h1,
    h2,
    h3,
    h4,
    h5,
    h6,
    legend,
    caption,
    thead {
      break-after: avoid;
      break-inside: avoid;
    }
    /* Nothing of the screen's interaction prints: no focus ring, no caret, no empty box for the buttons. */
    :focus,
    :focus-visible {
      outline: none !important;
    }
    * {
      caret-color: transparent;
    }
  }
`;
