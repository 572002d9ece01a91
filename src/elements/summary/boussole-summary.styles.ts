import { css } from 'lit';

/** The synthesis's own layout (tables of answers, meta list), over the shared tokens and the sheets of the parts it shows. */
export const reportStyles = css`
  .report {
    max-width: var(--boussole-max-width, 60rem);
  }
  .meta {
    display: grid;
    gap: 0.25rem 1rem;
    margin: 0 0 var(--_space);
  }
  .answers th[scope='row'] {
    font-weight: 400;
    max-width: 28rem;
  }
  .answers td,
  .actions-table td {
    min-width: 8rem;
  }
  .empty {
    color: var(--_muted);
  }
  @media print {
    .report section {
      break-inside: auto;
    }
    .answers tr,
    .actions-table tr {
      break-inside: avoid;
    }
  }
`;
