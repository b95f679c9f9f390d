/** The card every page's content sits on (in the shared chunk: every Lit page uses it). */
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
