import { css } from 'lit';

/**
 * Public tokens are `--boussole-*` on the host; everything inside reads private `--_*` copies so
 * defaults live in one place. Colours meet WCAG 2.2 AA on white; targets are at least 44 px.
 */
export const formStyles = css`
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
  .source {
    font-size: 0.9em;
    border-left: 4px solid var(--_border);
    padding-left: calc(var(--_space) / 2);
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
  .section {
    margin: 0 0 calc(var(--_space) * 2);
  }
  .section.nested {
    margin: var(--_space) 0 0;
    padding-left: var(--_space);
    border-left: 3px solid var(--_selected);
  }
  .section-title:focus {
    outline: none;
  }
  .section-title:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
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
  input:not([type='radio'], [type='checkbox']),
  textarea,
  select {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    min-height: 44px;
    padding: 0.5rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    max-width: 100%;
  }
  input.wide,
  select {
    width: 30rem;
  }
  input.narrow {
    width: 12rem;
  }
  textarea {
    width: 100%;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error) !important;
  }
  .input-row {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    max-width: 100%;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    cursor: pointer;
    margin: 0 0.5rem 0.5rem 0;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  /* On the accent-filled button a ring of the accent colour would vanish: a dark ring, apart from it. */
  button.primary:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 3px;
  }
  button.link {
    border-color: transparent;
    text-decoration: underline;
    padding-left: 0.25rem;
    padding-right: 0.25rem;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  details.comment {
    margin-top: 0.5rem;
  }
  /* A disclosure, not a link: a chevron that turns when open, in the text colour. */
  summary {
    cursor: pointer;
    min-height: 44px;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    list-style: none;
    font-weight: 600;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary::before {
    content: '';
    width: 0.5em;
    height: 0.5em;
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    transform: rotate(-45deg);
    transition: transform 0.1s;
  }
  details[open] > summary::before {
    transform: rotate(45deg);
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
  .previous-actions ul {
    padding-left: 1.25rem;
  }
  .previous-actions li {
    margin-bottom: 0.5rem;
  }
  .carried {
    color: var(--_muted);
    font-style: italic;
    margin-left: 0.5rem;
  }
  /* A date: day, month and year side by side, each as wide as its digits. */
  .date-input > legend {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .date-hint {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0 0 0.25rem;
  }
  .date-parts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .date-part {
    display: flex;
    flex-direction: column;
  }
  input.date-day,
  input.date-month {
    width: calc(2ch + 1.75rem);
  }
  input.date-year {
    width: calc(4ch + 1.75rem);
  }
  fieldset.field.date-input.invalid {
    border-left: 4px solid var(--_error);
    padding-left: calc(var(--_space) * 0.75);
  }
  .confirmation {
    border: 4px solid var(--_accent);
    padding: var(--_space);
    margin: var(--_space) 0 0;
  }
  .confirmation:focus,
  .handover-failed:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  .draft-offer {
    border: 4px solid var(--_accent);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  .draft-offer[hidden],
  .confirmation[hidden] {
    display: none;
  }
  .step.off {
    display: none;
  }
  ol.rows {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  fieldset.row {
    border: 1px solid var(--_separator);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
    margin: 0 0 var(--_space);
  }
  fieldset.row > legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .session,
  .plan,
  .summary {
    margin: 0 0 calc(var(--_space) * 2);
  }
  .plan {
    padding: var(--_space);
    background: var(--_panel);
    border-radius: var(--_radius);
  }
  .plan > legend {
    float: left;
    width: 100%;
    font-size: 1.05em;
  }
  .plan > legend + * {
    clear: both;
  }
  .error-summary {
    border: 4px solid var(--_error);
    padding: var(--_space);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .error-summary h2 {
    font-size: 1.25em;
  }
  .error-summary ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  /* Inline links: a bullet stays on the first line of a link that wraps. */
  .error-summary li + li {
    margin-top: 0.75rem;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
    padding: 0.5rem 0;
  }
  .notice {
    border: 4px solid var(--_error);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  .navigator ol {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_space);
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .navigator button {
    margin: 0;
    display: inline-flex;
    gap: 0.5rem;
    align-items: baseline;
  }
  .navigator .nav-toggle {
    display: none;
  }
  .navigator button[aria-current='step'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .navigator button.has-error {
    border-color: var(--_error);
  }
  .stepper {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    margin-bottom: var(--_space);
  }
  .tally {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0.5rem 0.75rem;
    background: var(--_selected);
    border-radius: var(--_radius);
  }
  /* Tables scroll sideways in a focusable region; the shadows at its edges say there is more. */
  .table-scroll {
    max-width: 100%;
    container-type: inline-size;
    overflow-x: auto;
    margin: 0 0 var(--_space);
    background:
      linear-gradient(to right, var(--_bg) 30%, transparent) left / 2rem 100% no-repeat local,
      linear-gradient(to left, var(--_bg) 30%, transparent) right / 2rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.25), transparent) left / 0.75rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.25), transparent) right / 0.75rem 100% no-repeat scroll;
  }
  .table-scroll:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  table {
    border-collapse: collapse;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding: 0.25rem 0;
    /* A table wider than the screen scrolls; its caption wraps within what is seen. */
    max-width: 100cqi;
  }
  th,
  td {
    text-align: left;
    padding: 0.375rem 0.75rem 0.375rem 0;
    border-bottom: 1px solid var(--_separator);
    vertical-align: top;
  }
  dl > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .answer.empty {
    color: var(--_muted);
    font-style: italic;
  }
  .actions {
    margin-top: var(--_space);
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
  @media (max-width: 30rem) {
    .options {
      flex-direction: column;
      align-items: stretch;
    }
    /* The section navigator folds into a button saying where the person is; it opens a menu. */
    .navigator .nav-toggle {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      width: 100%;
      margin: 0 0 var(--_space);
      text-align: left;
    }
    .navigator .nav-toggle .title {
      font-weight: 600;
    }
    .navigator:not(.open) ol {
      display: none;
    }
    .navigator ol {
      flex-direction: column;
    }
    /* Tables of a few numbers per row (tallies): one card per row, each number with its column's name. */
    table.stack,
    table.stack caption,
    table.stack tbody,
    table.stack tr,
    table.stack th,
    table.stack td {
      display: block;
    }
    table.stack thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    table.stack tr {
      border: 1px solid var(--_separator);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      margin: 0 0 0.5rem;
    }
    table.stack th,
    table.stack td {
      border: 0;
      padding: 0.125rem 0;
    }
    table.stack td {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
    }
    table.stack td::before {
      content: attr(data-label) / '';
      color: var(--_muted);
    }
  }
  @media print {
    button,
    .navigator,
    .stepper,
    .confirmation,
    .handover-failed,
    .draft-offer,
    details.comment:not(.filled),
    details.comment > summary {
      display: none;
    }
    /* Paper keeps the standard wording (decision 0009): a voice prints by its name, under the question. */
    .own-words .wording {
      display: none;
    }
    /* Everything prints: every section of layout="sections", every folded comment. */
    .step.off {
      display: block;
    }
    details::details-content {
      content-visibility: visible;
      display: block;
    }
    .item,
    fieldset.row,
    .tally,
    tr,
    .error-summary {
      break-inside: avoid;
    }
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
    .plan > legend + *,
    tbody > tr:first-child {
      break-before: avoid;
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
    /* Nothing of the screen's interaction prints: no focus ring, no caret, no empty box for the buttons. */
    :focus,
    :focus-visible,
    .option:has(input:focus-visible),
    .check:has(input:focus-visible) {
      outline: none !important;
    }
    * {
      caret-color: transparent;
    }
    .actions {
      display: none;
    }
    .option:not(:has(input:checked)) {
      border-style: dashed;
    }
    .option:has(input:checked) {
      background: none;
      color: var(--_text);
      border-width: 3px;
    }
    .table-scroll {
      overflow: visible;
      background: none;
    }
    /* A text prints whole, not cut at the box's height. */
    textarea {
      field-sizing: content;
      resize: none;
    }
  }
  @media (forced-colors: active) {
    .option:has(input:checked) {
      outline: 2px solid Highlight;
    }
  }
`;
