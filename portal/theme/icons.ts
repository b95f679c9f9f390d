/**
 * The few icons of the login form: inline SVG drawn with the text colour (a few hundred bytes in all;
 * no icon font, no request). Decorative: hidden from screen readers, the label says what a field is.
 */
import { css, html } from 'lit';

export const icons = {
  user: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="8" r="4" /><path d="M4 21a8 8 0 0 1 16 0" /></svg>`,
  lock: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><rect x="5" y="11" width="14" height="10" rx="2" /><path d="M8 11V7a4 4 0 0 1 8 0v4" /></svg>`,
  ticket: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4zM14 7v10" /></svg>`,
  /** An eye; its slash (class "off") shows while the password is shown. */
  eye: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z" /><circle cx="12" cy="12" r="3" /><path class="off" d="M4 4l16 16" /></svg>`,
};

/** A field with its icon at the start (and room for a button at the end). */
export const iconStyles = css`
  .icon {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    width: 1.25rem;
    height: 1.25rem;
  }
  .field {
    position: relative;
  }
  .field > .icon {
    position: absolute;
    inset-inline-start: 0.75rem;
    top: calc(50% - 0.625rem);
    color: var(--hs-muted);
    pointer-events: none;
  }
  .field > input {
    padding-inline-start: 2.5rem;
  }
`;
