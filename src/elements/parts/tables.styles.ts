import { css } from 'lit';

/** Tables (scrolling sideways, stacked as cards on a phone) and description lists of answers. */
export const tableStyles = css`
  /* Tables scroll sideways in a focusable region; the shadows at its edges say there is more (black at
     a quarter, written as the build writes it: the page as built is the page as written). */
  .table-scroll {
    max-width: 100%;
    container-type: inline-size;
    overflow-x: auto;
    margin: 0 0 var(--_space);
    background:
      linear-gradient(to right, var(--_bg) 30%, transparent) left / 2rem 100% no-repeat local,
      linear-gradient(to left, var(--_bg) 30%, transparent) right / 2rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, #00000040, transparent) left / 0.75rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, #00000040, transparent) right / 0.75rem 100% no-repeat scroll;
  }
  .table-scroll:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  table {
    border-collapse: collapse;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding: 0.25rem 0;
    /* A table wider than the screen scrolls; its caption wraps within what is seen. */
    max-width: 100cqi;
  }
  th,
  td {
    text-align: left;
    padding: 0.375rem 0.75rem 0.375rem 0;
    border-bottom: 1px solid var(--_separator);
    vertical-align: top;
  }
  dl > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  @media (max-width: 30rem) {
    /* Tables of a few numbers per row (tallies): one card per row, each number with its column's name. */
    table.stack,
    table.stack caption,
    table.stack tbody,
    table.stack tr,
    table.stack th,
    table.stack td {
      display: block;
    }
    table.stack thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    table.stack tr {
      border: 1px solid var(--_separator);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      margin: 0 0 0.5rem;
    }
    table.stack th,
    table.stack td {
      border: 0;
      padding: 0.125rem 0;
    }
    table.stack td {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
    }
    table.stack td::before {
      content: attr(data-label) / '';
      color: var(--_muted);
    }
  }
  @media print {
    tr {
      break-inside: avoid;
    }
    tbody > tr:first-child {
      break-before: avoid;
    }
    .table-scroll {
      overflow: visible;
      background: none;
    }
  }
`;
