/**
 * The login page's first script: the small CHAP path. It makes the form the build rendered into the
 * page work (read it, hash with crypto-js MD5, post) without waiting for Lit, then loads the full page
 * script (login-app.ts), which takes the form over and sends its logins through here too.
 * It imports nothing of the shared `portal` chunk: its few helpers are its own copies.
 */
import { readChap } from '../hotspot/chap.ts';
import type { VoucherSettings } from '../hotspot/login.ts';
import { rememberTerms, submitLogin, termsRemembered, type LoginRequest } from '../hotspot/login-submit.ts';
import { DATA_ISLAND_ID, readRouterValues } from '../hotspot/router-values.ts';

let values = readRouterValues();

/** login.voucher as the build wrote it into the page (`<meta name="hs-voucher">`). */
function voucherRule(): VoucherSettings | undefined {
  const m = document.querySelector<HTMLMetaElement>('meta[name="hs-voucher"]')?.dataset;
  if (!m) return undefined;
  return {
    case: m['case'] === 'as-typed' ? 'as-typed' : 'upper',
    ignore: m['ignore'] ?? '',
    password: m['password'] === 'empty' ? 'empty' : 'same-as-code',
  };
}

/**
 * A failed login the router answered with this page again: its router values (the error, the echoed
 * user name) and its fresh CHAP challenge are taken into the page, which stays as the guest left it.
 */
function takeIn(html: string): void {
  const answer = new DOMParser().parseFromString(html, 'text/html');
  const island = document.getElementById(DATA_ISLAND_ID);
  if (island) island.textContent = answer.getElementById(DATA_ISLAND_ID)?.textContent ?? '';
  values = readRouterValues();
  // The new challenge as the router wrote it (octal escapes): its inline script runs as the page's own did.
  window.hsChap = undefined;
  const chap = [...answer.querySelectorAll('script:not([src])')].find((s) => s.textContent?.includes('hsChap'));
  if (chap) {
    const run = document.createElement('script');
    run.textContent = chap.textContent;
    document.head.append(run);
    run.remove();
  }
  early.chap = readChap();
}

/**
 * What became of a login that left the guest on this page, told to whichever part of the page is live
 * by then (the form the build rendered, or the full script that took it over while the login was out):
 * `hs-login-offline`, the router could not be reached (the guest may try again); `hs-login-refused`,
 * the router refused it and the page's router values now hold its error.
 */
export const OFFLINE_EVENT = 'hs-login-offline';
export const REFUSED_EVENT = 'hs-login-refused';

export const early = {
  chap: readChap(),
  voucher: voucherRule(),
  /** `terms`: the box was ticked (kept for the page a failed login comes back to). */
  send: (req: LoginRequest, terms = false): boolean => {
    rememberTerms(terms);
    return submitLogin(values, early.chap, req, early.voucher, (outcome) => {
      if (outcome.kind === 'again') takeIn(outcome.html);
      if (outcome.kind !== 'shown') document.dispatchEvent(new Event(outcome.kind === 'offline' ? OFFLINE_EVENT : REFUSED_EVENT));
    });
  },
  termsRemembered: () => termsRemembered(values),
};

/** The open shadow root of the first `tag` under `root`. */
const inside = (root: ParentNode | null | undefined, tag: string) => root?.querySelector(tag)?.shadowRoot ?? null;

function wireRenderedForm(): void {
  const pageRoot = inside(document, 'hs-login-page');
  const formRoot = inside(pageRoot, 'hs-login-form');
  const form = formRoot?.querySelector('form');
  const button = form?.querySelector<HTMLButtonElement>('button[type=submit]');
  if (!formRoot || !form || !button) return;
  const offline = pageRoot?.querySelector<HTMLElement>('[data-hs="offline"]');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (button.disabled) return;
    const field = (id: string) => formRoot.querySelector<HTMLInputElement>(`#${id}`);
    const voucher = field('voucher');
    const user = voucher ?? field('username');
    const pass = voucher ?? field('password');
    const terms = inside(pageRoot, 'hs-terms');
    const tick = terms?.querySelector<HTMLInputElement>('#accept');
    const missing = [user, pass].filter((f) => f && !(f === user ? f.value.trim() : f.value));
    for (const f of [user, pass]) f?.setAttribute('aria-invalid', String(missing.includes(f)));
    // Every missing step at once: the fields and the terms (the build rendered both texts, hidden).
    formRoot.querySelector('.problem')?.toggleAttribute('hidden', !missing.length);
    terms?.querySelector('.problem')?.toggleAttribute('hidden', !tick || tick.checked);
    tick?.setAttribute('aria-invalid', String(Boolean(tick && !tick.checked)));
    const first = tick && !tick.checked ? tick : missing[0];
    if (first) return first.focus();
    const code = voucher?.value ?? '';
    // The build rendered the message a login that could not reach the router shows (hidden).
    if (offline) offline.hidden = true;
    const sent = early.send(
      voucher ? { mode: 'voucher', username: code, password: code } : { mode: 'member', username: user!.value.trim(), password: pass!.value },
      Boolean(tick?.checked),
    );
    button.disabled = sent;
  });
  // The tick of the login that failed a moment ago survives.
  const tick = inside(pageRoot, 'hs-terms')?.querySelector<HTMLInputElement>('#accept');
  if (tick && early.termsRemembered()) tick.checked = true;
  document.addEventListener(OFFLINE_EVENT, () => {
    button.disabled = false;
    if (offline) offline.hidden = false;
  });
  // The full script shows the router's error from the page's values when it starts.
  document.addEventListener(REFUSED_EVENT, () => (button.disabled = false));
  button.disabled = false;
  document.documentElement.setAttribute('data-hs-ready', '');
}

wireRenderedForm();
// The full script (login-app.ts) as the build names it; loaded once the form works, never before.
const app = document.querySelector<HTMLMetaElement>('meta[name="hs-app"]')?.content;
if (app) void import(/* @vite-ignore */ app);
