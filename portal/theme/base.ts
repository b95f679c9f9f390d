/**
 * Shared component styles. Colours and the font come from CSS custom properties that the page shell
 * sets from portal.config.ts (--hs-primary, --hs-on-primary, --hs-bg, --hs-surface, --hs-text,
 * --hs-muted, --hs-error, --hs-font); they inherit into every shadow root.
 */
import { css } from 'lit';

export const base = css`
  /* Kept short: the build writes it into every rendered component of every page. Font and colour
     inherit from the page. */
  :host {
    display: block;
  }
  * {
    box-sizing: border-box;
  }
  p {
    margin: 0 0 0.75rem;
  }
  :focus-visible {
    outline: 3px solid var(--hs-primary);
    outline-offset: 2px;
  }
`;

export const controls = css`
  label {
    display: block;
    font-weight: 600;
    margin: 0.75rem 0 0.25rem;
  }
  input[type='text'],
  input[type='password'] {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--hs-text);
    background: var(--hs-surface);
    border: 1px solid var(--hs-muted);
    border-radius: 0.5rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--hs-error);
    border-width: 2px;
  }
  .hint {
    color: var(--hs-muted);
    font-size: 0.875rem;
    margin: 0.25rem 0 0;
  }
  /* A note the router left out (its condition was false) takes no room. */
  .hint:empty {
    display: none;
  }
  .problem {
    color: var(--hs-error);
    font-weight: 600;
    margin: 0.75rem 0 0;
  }
`;

/** Buttons: primary, and `.secondary` (an outline on the surface). */
export const buttons = css`
  button {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    margin-top: 1rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    border-radius: 0.5rem;
    cursor: pointer;
    color: var(--hs-on-primary);
    background: var(--hs-primary);
    border: 2px solid var(--hs-primary);
  }
  button.secondary {
    color: var(--hs-primary);
    background: var(--hs-surface);
  }
  button[disabled] {
    cursor: progress;
    opacity: 0.8;
  }
`;

/** Text for screen readers only (a control's name beside its icon, the picker's label). */
export const visuallyHidden = css`
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
