import { css } from 'lit';

/** Native controls styled once: text fields, buttons, the disclosure of a `<details>`. */
export const controlStyles = css`
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
  button[aria-busy='true'] {
    cursor: progress;
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
  @media print {
    button {
      display: none;
    }
    details::details-content {
      content-visibility: visible;
      display: block;
    }
    /* A text prints whole, not cut at the box's height. */
    textarea {
      field-sizing: content;
      resize: none;
    }
  }
`;
