import { css } from 'lit';

/** A section of the form or of the synthesis, nested ones set in. */
export const sectionStyles = css`
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
`;
