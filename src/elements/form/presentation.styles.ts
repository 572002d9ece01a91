import { css } from 'lit';

/**
 * `layout="presentation"`: sizes follow the viewport (a projector is a wide screen read from the
 * back of a room; a phone still works, with smaller type and nothing to scroll sideways). Each
 * option shows its number, the key that chooses it.
 */
export const presentationStyles = css`
  .presenting {
    --_present-question: var(--boussole-presentation-font-size, clamp(1.25rem, 0.5rem + 2.2vw, 2.75rem));
    --_present-text: var(--boussole-presentation-text-size, clamp(1rem, 0.5rem + 1.3vw, 2rem));
    max-width: var(--boussole-presentation-max-width, 100rem);
  }
  .present-header.compact header > :not(:first-child) {
    display: none;
  }
  .present-header header .title {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .presentation {
    font-size: var(--_present-text);
  }
  .present-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    border-bottom: 2px solid var(--_separator);
    padding: calc(var(--_space) / 2) 0;
    margin: 0 0 var(--_space);
    /* Always on screen: the page may scroll under it. */
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_bg);
  }
  .present-bar p {
    margin: 0;
  }
  .present-section {
    font-weight: 700;
  }
  .present-progress {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .present-meter {
    display: inline-block;
    width: clamp(4rem, 12vw, 14rem);
    height: 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .present-meter > span {
    display: block;
    height: 100%;
    background: var(--_accent);
  }
  .presentation .present-heading {
    /* Focus scrolls the heading to the top: below the sticky bar. */
    scroll-margin-top: 4em;
    font-size: var(--_present-text);
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_muted);
  }
  .presentation .present-heading:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* The question: the largest text on screen. */
  .present-question .item > legend,
  .present-question .item > .label,
  .present-question .item > label.label {
    font-size: var(--_present-question);
    line-height: 1.25;
    font-weight: 600;
  }
  .present-question .item {
    border: none;
    padding: 0;
    margin: 0 0 var(--_space);
  }
  .present-question .options {
    counter-reset: boussole-option;
  }
  .present-question .option {
    counter-increment: boussole-option;
    font-size: var(--_present-text);
  }
  /* The key that chooses the option (not read out: the radio's name stays the option's label). */
  .present-question .option > span::before {
    content: counter(boussole-option) / '';
    display: inline-block;
    min-width: 1.6em;
    margin-inline-end: 0.5em;
    padding: 0 0.3em;
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    text-align: center;
    font-weight: 700;
  }
  .present-question .options .option:nth-child(n + 10) > span::before {
    display: none;
  }
  .present-question textarea,
  .present-question input[type='text'] {
    font-size: var(--_present-text);
  }
  .present-tally {
    border-left: 6px solid var(--_accent);
    padding: calc(var(--_space) / 2) var(--_space);
    background: var(--_selected);
    margin: var(--_space) 0;
  }
  .present-tally p {
    margin: 0;
  }
  .present-tally .tally {
    background: none;
    padding: 0;
  }
  .present-tally-title {
    font-weight: 700;
  }
  .present-nav {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    margin: calc(var(--_space) * 1.5) 0 var(--_space);
  }
  .present-nav button {
    font-size: var(--_present-text);
    min-width: 8em;
  }
  .present-nav button[disabled] {
    visibility: hidden;
  }
  .present-keys {
    color: var(--_muted);
    font-size: 0.8em;
  }
  @media (max-width: 30rem) {
    /* A phone: the bar scrolls with the page rather than cover a third of it. */
    .present-bar {
      position: static;
    }
    .present-nav button {
      min-width: 0;
      flex: 1 1 auto;
    }
  }
  .present-step.off {
    display: none;
  }
  /* On paper: every step, as the other layouts print; the live tallies and the screen's chrome do not. */
  @media print {
    .present-nav,
    .present-keys,
    .present-bar,
    .present-heading,
    .present-step.item .present-tally {
      display: none;
    }
    .present-step.off,
    .present-header.compact header > :not(:first-child) {
      display: block;
    }
    .presentation,
    .present-question .item > legend,
    .present-question .item > .label,
    .present-question .option,
    .present-question .option > span::before {
      font-size: 1rem;
    }
    .present-question .option > span::before {
      display: none;
    }
  }
`;
