import { css } from 'lit';

/** The list of what stops sending, linked to each question. */
export const errorSummaryStyles = css`
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
  @media print {
    .error-summary {
      break-inside: avoid;
    }
  }
`;
