/**
 * The login page's first script: the small CHAP path. It makes the form the build rendered into the
 * page work (switch member / voucher, read it, hash with crypto-js MD5, post) without waiting for
 * anything else, then loads the page's second script (login-app.ts: languages, trial, the router's
 * error, notes), which sends its logins through here too.
 * It imports nothing of the shared `static` chunk: its few helpers are its own copies.
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
 * What became of a login that left the guest on this page, for the second script: `hs-login-offline`,
 * the router could not be reached (the guest may try again); `hs-login-refused`, the router refused
 * it and the page's router values now hold its error.
 */
export const OFFLINE_EVENT = 'hs-login-offline';
export const REFUSED_EVENT = 'hs-login-refused';

/** The open shadow root of the first `tag` under `root`. */
const inside = (root: ParentNode | null | undefined, tag: string) => root?.querySelector(tag)?.shadowRoot ?? null;
const pageRoot = inside(document, 'hs-login-page');
const formRoot = inside(pageRoot, 'hs-login-form');
const termsRoot = inside(pageRoot, 'hs-terms');
const tick = termsRoot?.querySelector<HTMLInputElement>('#accept');
const button = formRoot?.querySelector<HTMLButtonElement>('form button[type=submit]');
const field = (id: string) => formRoot?.querySelector<HTMLInputElement>(`#${id}`);
/** The page's message box, rendered hidden with the text a login that cannot reach the router shows. */
const alertBox = pageRoot?.querySelector<HTMLElement>('[data-hs="alert"]');

export const early = {
  chap: readChap(),
  voucher: voucherRule(),
  values: () => values,
  /** Sends a login (the terms already checked); true while it is on its way. */
  send: (req: LoginRequest): boolean => {
    rememberTerms(Boolean(tick?.checked));
    if (alertBox) alertBox.hidden = true;
    const sent = submitLogin(values, early.chap, req, early.voucher, (outcome) => {
      if (outcome.kind === 'again') takeIn(outcome.html);
      if (outcome.kind !== 'shown') {
        if (button) button.disabled = false;
        if (alertBox && outcome.kind === 'offline') alertBox.hidden = false;
        document.dispatchEvent(new Event(outcome.kind === 'offline' ? OFFLINE_EVENT : REFUSED_EVENT));
      }
    });
    if (button) button.disabled = sent;
    return sent;
  },
  /** Whether the terms are ticked (or there are none); if not, says so and takes the guest there. */
  termsOk: (): boolean => {
    const ok = !tick || tick.checked;
    termsRoot?.querySelector('.problem')?.toggleAttribute('hidden', ok);
    tick?.setAttribute('aria-invalid', String(!ok));
    if (!ok) tick!.focus();
    return ok;
  },
  /** The login mode shown (member or voucher); switching keeps what was typed in each. */
  mode: (): string => formRoot?.querySelector<HTMLElement>('[data-mode]:not([hidden])')?.dataset['mode'] ?? 'member',
  setMode: (mode: string): void => {
    for (const part of formRoot?.querySelectorAll<HTMLElement>('[data-mode]') ?? []) part.hidden = part.dataset['mode'] !== mode;
    const radio = formRoot?.querySelector<HTMLInputElement>(`#mode-${mode}`);
    if (radio) radio.checked = true;
  },
};

function wireRenderedForm(): void {
  const form = button?.form;
  if (!formRoot || !form || !button) return;
  // The form the guest used before a failed login (the router echoes `var`), or a `?voucher=` link's.
  const link = new URLSearchParams(location.search).get('voucher')?.trim();
  const wanted = link ? 'voucher' : values.get('var');
  if (formRoot.querySelector(`[data-mode="${wanted}"]`)) early.setMode(wanted);
  const echoed = values.get('username');
  const prefill = field(early.mode() === 'voucher' ? 'voucher' : 'username');
  if (prefill) prefill.value = link || echoed;
  formRoot.querySelector('fieldset')?.addEventListener('change', (e) => early.setMode((e.target as HTMLInputElement).value));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (button.disabled) return;
    const voucher = early.mode() === 'voucher' ? field('voucher') : null;
    const user = voucher ?? field('username');
    const pass = voucher ?? field('password');
    const missing = [user, pass].filter((f) => f && !(f === user ? f.value.trim() : f.value));
    for (const f of [user, pass]) f?.setAttribute('aria-invalid', String(missing.includes(f)));
    // Every missing step at once: the fields and the terms (the build rendered both texts, hidden).
    formRoot.querySelector('[data-mode]:not([hidden]) .problem')?.toggleAttribute('hidden', !missing.length);
    if (!early.termsOk()) return;
    if (missing[0]) return missing[0].focus();
    const code = voucher?.value ?? '';
    early.send(
      voucher ? { mode: 'voucher', username: code, password: code } : { mode: 'member', username: user!.value.trim(), password: pass!.value },
    );
  });
  // The tick of the login that failed a moment ago survives.
  if (tick && termsRemembered(values)) tick.checked = true;
  button.disabled = false;
  document.documentElement.setAttribute('data-hs-ready', '');
}

wireRenderedForm();
// The second script as the build names it; loaded once the form works, never before.
const app = document.querySelector<HTMLMetaElement>('meta[name="hs-app"]')?.content;
if (app) void import(/* @vite-ignore */ app);
