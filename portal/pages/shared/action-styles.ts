/**
 * Link buttons and link rows of the pages that lead somewhere (alogin, logout, error, not logged
 * in). Apart from page-styles.ts so the login page, which has none, does not load them.
 */
import { css } from 'lit';

export const actions = css`
  a.button {
    display: block;
    text-align: center;
    min-height: 2.75rem;
    margin-top: 1rem;
    padding: 0.625rem 1rem;
    font-weight: 600;
    border-radius: 0.5rem;
    text-decoration: none;
    color: var(--hs-on-primary);
    background: var(--hs-primary);
  }
  a.button[hidden] {
    display: none;
  }
  .links {
    margin-top: 1rem;
  }
  a {
    color: var(--hs-primary);
    text-underline-offset: 0.15em;
  }
  .links a {
    display: inline-block;
    padding: 0.5rem 0;
  }
`;
