import { css } from 'lit';

/** The form's summary and the tallies (the synthesis shows them too). */
export const summaryStyles = css`
  .summary {
    margin: 0 0 calc(var(--_space) * 2);
  }
  .tally {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0.5rem 0.75rem;
    background: var(--_selected);
    border-radius: var(--_radius);
  }
  @media print {
    .tally {
      break-inside: avoid;
    }
  }
`;
