/**
 * The login page's view in light DOM (tools/build/light-dom.ts): shadow roots unwrapped, each
 * component's styles scoped to its element, a sheet shared by nested components written once for
 * the outermost, `:host` rules for every element; and the page as the build renders it.
 */
import { css } from 'lit';
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { buildCatalogs } from '../../tools/build/catalogs.ts';
import { keysOnElements, toLightDom } from '../../tools/build/light-dom.ts';
import { pagesFor } from '../../tools/build/pages.ts';
import { createShells } from '../../tools/build/shells.ts';
import { validateConfig } from '../../tools/config/index.ts';

const shared = css`
  :host {
    display: block;
  }
  p {
    margin: 0;
  }
`;
const styles: Record<string, ReturnType<typeof css>[]> = {
  'x-page': [shared, css`h1{color:red}`],
  'x-form': [shared, css`:host([kind=error]) p,button{color:blue}@media (min-width:30rem){button{width:auto}}`],
  'x-side': [shared],
};

describe('light DOM rendering', () => {
  const html =
    '<x-page><template shadowrootmode="open"><style>h1{color:red}</style><h1>Hi</h1>' +
    '<x-form kind="error"><template shadowrootmode="open" shadowrootdelegatesfocus><style>p{}</style><p>a</p><button>b</button></template></x-form>' +
    '</template></x-page><x-side><template shadowrootmode="open"><style>p{}</style><p>c</p></template></x-side>';
  const light = toLightDom(html, (tag) => styles[tag] ?? []);

  it('unwraps the shadow roots and their styles', () => {
    expect(light.html).toBe('<x-page><h1>Hi</h1><x-form kind="error"><p>a</p><button>b</button></x-form></x-page><x-side><p>c</p></x-side>');
  });

  it('writes a shared sheet once, for the outermost elements using it, and :host rules for each', () => {
    expect(light.css).toBe(
      'x-page,x-form,x-side{display:block}x-page p,x-side p{margin:0}' +
        'x-page h1{color:red}' +
        'x-form[kind=error] p,x-form button{color:blue}@media (min-width:30rem){x-form button{width:auto}}',
    );
  });

  it('refuses what light DOM cannot keep: a <template> of the view, ::slotted', () => {
    expect(() => toLightDom('<x-page><template><p></p></template></x-page>', () => [])).toThrow(/template/);
    expect(() => toLightDom('<x-page><template shadowrootmode="open"></template></x-page>', () => [css`::slotted(p){margin:0}`])).toThrow(/slotted/);
  });

  it('puts the key of a text that is all its element holds on the element, and keeps the other anchors', () => {
    expect(keysOnElements('<h1 id="t"><!--t:a.title-->Hi &amp; bye<!--/t--></h1>')).toBe('<h1 id="t" data-t="a.title">Hi &amp; bye</h1>');
    const mixed = '<label><input type="radio"/><!--t:a.b-->B<!--/t--></label><p><!--t:a.c-->C<!--/t--> <b>d</b></p><p><!--t:a.e-->E<!--/t--></b>';
    expect(keysOnElements(mixed)).toBe(mixed);
  });

  it('renders the login page without shadow roots, its components styled from the page stylesheet', () => {
    const config = validateConfig(example);
    const shells = createShells({ config, root: process.cwd(), catalogs: buildCatalogs(config) });
    const login = shells.renderPage(pagesFor(config).find((p) => p.file === 'login.html')!);
    expect(login).not.toContain('<template');
    expect(login).toContain('<hs-login-form>');
    expect(login).toContain('<h1 id="title" data-t="login.title">');
    const sheet = login.slice(login.indexOf('<style>'), login.indexOf('</style>'));
    expect(sheet).toMatch(/hs-login-form button,hs-trial button\{/);
    expect(sheet).toMatch(/hs-login-page,hs-message,hs-terms,hs-login-form,hs-trial(,hs-language-picker)?\{display:block\}/);
    // The pages after login keep their shadow roots.
    const status = shells.renderPage(pagesFor(config).find((p) => p.file === 'status.html')!);
    expect(status).toContain('<template shadowrootmode="open">');
  });
});
