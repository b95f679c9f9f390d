/** The card every page's content sits on. */
import { css } from 'lit';

export const card = css`
  .card {
    background: var(--hs-surface);
    border-radius: 0.75rem;
    padding: 1.25rem 1rem 1.5rem;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
  }
  h1 {
    font-size: 1.5rem;
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  .lead {
    color: var(--hs-muted);
  }
`;

/** Link buttons and link rows of the pages that lead somewhere (alogin, logout, error, not logged in). */
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
  .links {
    margin-top: 1rem;
  }
  .links a {
    display: inline-block;
    padding: 0.5rem 0;
  }
`;
