import { css } from 'lit';

/** A question: its label, options, voices, comment, last time's answer; read back in review. */
export const itemStyles = css`
  .item,
  .field {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  /* The separator is a 1px background line at the top of the question (of its legend for a
     fieldset), not a border: a fieldset's legend sits in its top border, and floating the legend out
     of it (the usual fix) makes a long form's layout much slower. */
  .item,
  fieldset.item > legend {
    padding-top: calc(var(--_space) * 0.75);
    background: linear-gradient(var(--_separator), var(--_separator)) top / 100% 1px no-repeat;
  }
  fieldset.item {
    padding-top: 0;
    background: none;
  }
  fieldset.item > legend {
    width: 100%;
  }
  .item.invalid {
    border-left: 4px solid var(--_error);
    padding-left: calc(var(--_space) * 0.75);
  }
  .item > legend,
  .item > .label,
  .field > label,
  .group-title {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .req {
    color: var(--_error);
  }
  .error {
    color: var(--_error);
    font-weight: 600;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
    min-width: 44px;
    padding: 0.25rem 0.875rem 0.25rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    cursor: pointer;
  }
  /* A chosen option is filled with the accent colour, so it reads from the back of a room on a projector. */
  .option:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .option:has(input:checked) input {
    accent-color: var(--_on-accent);
  }
  .option:has(input:focus-visible),
  .check:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .option input,
  .check input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .option input:focus-visible,
  .check input:focus-visible {
    outline: none;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
    margin: 0 var(--_space) calc(var(--_space) / 2) 0;
    cursor: pointer;
  }
  .voices {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
  }
  .voice > legend,
  .voice > label {
    display: block;
    font-weight: 600;
    color: var(--_muted);
    margin-bottom: 0.25rem;
  }
  /* A voice asked in its own words (labelFor, a child's): the words in larger type, larger targets. */
  .own-words .wording {
    display: block;
    font-size: 1.375rem;
    line-height: 1.35;
    color: var(--_text);
  }
  .own-words .option {
    min-height: 3.25rem;
    min-width: 3.25rem;
    font-size: 1.25rem;
  }
  .own-words .option input {
    width: 1.75rem;
    height: 1.75rem;
  }
  .own-words textarea,
  .own-words input:not([type='radio'], [type='checkbox']) {
    font-size: 1.25rem;
    min-height: 3.25rem;
  }
  details.comment {
    margin-top: 0.5rem;
  }
  /* Last time's answer: discreet, its direction in words (an arrow beside them, never colour alone). */
  .previous {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0.25rem 0 0.5rem;
  }
  .previous .arrow {
    display: inline-block;
    min-width: 1.25em;
    font-weight: 700;
  }
  .answer.empty {
    color: var(--_muted);
    font-style: italic;
  }
  @media (max-width: 30rem) {
    .options {
      flex-direction: column;
      align-items: stretch;
    }
  }
  @media print {
    details.comment:not(.filled),
    details.comment > summary {
      display: none;
    }
    /* Paper keeps the standard wording (decision 0009): a voice prints by its name, under the question. */
    .own-words .wording {
      display: none;
    }
    .item {
      break-inside: avoid;
    }
    /* The comment's disclosure does not print; its label does, above the text. */
    details.comment > label.sr-only {
      position: static;
      width: auto;
      height: auto;
      margin: 0 0 0.25rem;
      overflow: visible;
      clip: auto;
      white-space: normal;
      display: block;
      font-weight: 600;
    }
    .option:has(input:focus-visible),
    .check:has(input:focus-visible) {
      outline: none !important;
    }
    .option:not(:has(input:checked)) {
      border-style: dashed;
    }
    .option:has(input:checked) {
      background: none;
      color: var(--_text);
      border-width: 3px;
    }
  }
  @media (forced-colors: active) {
    .option:has(input:checked) {
      outline: 2px solid Highlight;
    }
  }
`;
