import { css } from 'lit';

/** A message about bad input. */
export const noticeStyles = css`
  .notice {
    border: 4px solid var(--_error);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
`;
