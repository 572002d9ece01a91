import { css } from 'lit';

/** The form's frame: the instrument's source, the draft offer, the steps, the actions and the confirmation. */
export const formFrameStyles = css`
  .source {
    font-size: 0.9em;
    border-left: 4px solid var(--_border);
    padding-left: calc(var(--_space) / 2);
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
  .actions {
    margin-top: var(--_space);
  }
  @media print {
    .confirmation,
    .handover-failed,
    .draft-offer {
      display: none;
    }
    /* Everything prints: every section of layout="sections", every folded comment. */
    .step.off {
      display: block;
    }
    .actions {
      display: none;
    }
  }
`;
