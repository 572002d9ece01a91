import { css } from 'lit';

/** The section navigator and the previous/next stepper of layout="sections". */
export const navigationStyles = css`
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
  @media (max-width: 30rem) {
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
  }
  @media print {
    .navigator,
    .stepper {
      display: none;
    }
  }
`;
