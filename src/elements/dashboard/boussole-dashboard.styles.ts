import { css } from 'lit';

/** The dashboard's own layout, over the shared tokens: figures, chart, controls, print. */
export const dashboardStyles = css`
  .lead,
  .empty {
    color: var(--_muted);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
    margin: 0 0 var(--_space);
  }
  .filter {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .filter label {
    font-weight: 600;
  }
  select,
  .controls button {
    min-height: 44px;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.375rem 0.75rem;
  }
  .controls button {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
    cursor: pointer;
  }
  select:focus-visible,
  .controls button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .figure {
    margin: 0 0 calc(var(--_space) * 2);
  }
  .chart-box {
    max-width: 42.5rem;
  }
  .chart {
    display: block;
    width: 100%;
    height: auto;
    font-size: 14px;
    print-color-adjust: exact;
    -webkit-print-color-adjust: exact;
  }
  .chart text {
    fill: var(--_text);
  }
  .chart .count {
    font-weight: 700;
    fill: #1b1f24;
    stroke: #ffffff;
    stroke-width: 3px;
    paint-order: stroke;
  }
  .trend {
    margin: 0.5rem 0 var(--_space);
  }
  @media print {
    .controls,
    .notice button {
      display: none;
    }
    .figure {
      break-inside: avoid;
    }
    .table-scroll {
      overflow: visible;
      background: none;
    }
  }
`;
