import { css } from 'lit';

/** A date: day, month and year side by side, each as wide as its digits. */
export const dateInputStyles = css`
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
`;
