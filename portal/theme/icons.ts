/**
 * The few icons of the login form: inline SVG drawn with the text colour (a few hundred bytes in all;
 * no icon font, no request). Decorative: hidden from screen readers, the label says what a field is.
 */
import { css, html, svg, type SVGTemplateResult } from 'lit';

const icon = (paths: SVGTemplateResult) => html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${paths}</svg>`;

export const icons = {
  user: icon(svg`<circle cx="12" cy="8" r="4" /><path d="M4 21a8 8 0 0 1 16 0" />`),
  lock: icon(svg`<rect x="5" y="11" width="14" height="10" rx="2" /><path d="M8 11V7a4 4 0 0 1 8 0v4" />`),
  ticket: icon(svg`<path d="M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4z" /><path d="M14 7v10" />`),
  eye: icon(svg`<path d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z" /><circle cx="12" cy="12" r="3" />`),
  eyeOff: icon(svg`<path d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z" /><path d="M4 4l16 16" />`),
};

/** A field with its icon at the start (and room for a button at the end). */
export const iconStyles = css`
  .icon {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
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
