import { css } from 'lit';

/** The session details and the action plans: rows of people, objectives and actions, last time's actions. */
export const sessionStyles = css`
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
  .plan {
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
  @media print {
    fieldset.row {
      break-inside: avoid;
    }
    .plan > legend + * {
      break-before: avoid;
    }
  }
`;
