/**
 * The login page's first script: the small CHAP path. It makes the form the build rendered into the
 * page work (switch member / voucher, read it, check the voucher rule and the terms, hash with
 * crypto-js MD5, post) without waiting for anything else, then loads the page's second script
 * (login-app.ts: languages, the router's error, notes, trial), which sends its logins through here too.
 * The second script posts by fetch (`early.post`), so a network error or a refused login leaves the
 * guest on the page; a login sent before it has arrived waits for it (a moment on any link). Only when
 * it fails to load, or has not come within SECOND_SCRIPT_WAIT_MS, does a login go as a plain form post,
 * as the router's own page sends it. It imports nothing of the shared `static` chunk: its few helpers
 * are its own copies.
 */
import { readChap } from '../hotspot/chap-values.ts';
import type { VoucherSettings } from '../hotspot/login.ts';
import { loginPost, rememberTerms, termsRemembered, type LoginRequest } from '../hotspot/login-submit.ts';
import { readRouterValues } from '../hotspot/router-values.ts';
import { sendForm } from '../hotspot/send.ts';
import { loadPictures } from './shared/pictures.ts';

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

/** How long a login waits for the second script before it goes as a plain form post. */
const SECOND_SCRIPT_WAIT_MS = 3000;

// The second script as the build names it; asked for once this script runs (the form works without it).
const app = document.querySelector<HTMLMetaElement>('meta[name="hs-app"]')?.content;
/** Settles when the second script has run, failed to load, or kept a login waiting long enough. */
const secondScript: Promise<unknown> = app
  ? Promise.race([import(/* @vite-ignore */ app).catch(() => undefined), new Promise((done) => setTimeout(done, SECOND_SCRIPT_WAIT_MS))])
  : Promise.resolve();

// The page's view is in light DOM (tools/build/light-dom.ts): its ids are the document's.
const formRoot = document.querySelector('hs-login-form');
const tick = document.querySelector<HTMLInputElement>('#accept');
const button = formRoot?.querySelector<HTMLButtonElement>('button[type=submit]');
const field = (id: string) => formRoot?.querySelector<HTMLInputElement>(`#${id}`);

export const early = {
  /** The page's router values and CHAP challenge (the second script takes in those of a refused login's answer). */
  values: readRouterValues(),
  chap: readChap(),
  voucher: voucherRule(),
  /** How a login goes to the router: a plain form post until the second script sets its own. */
  post: sendForm as (action: string, fields: Record<string, string>) => unknown,
  /** Sends a login (the terms already checked) once the second script is there or given up on; true when it is on its way. */
  send: (req: LoginRequest): boolean => {
    rememberTerms(Boolean(tick?.checked));
    const login = loginPost(early.values, early.chap, req, early.voucher);
    if (login) void secondScript.then(() => early.post(login.action, login.fields));
    if (button) button.disabled = Boolean(login);
    return Boolean(login);
  },
  /** Whether the terms are ticked (or there are none); if not, says so and takes the guest there. */
  termsOk: (): boolean => {
    const ok = !tick || tick.checked;
    document.querySelector('hs-terms .problem')?.toggleAttribute('hidden', ok);
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
  const values = early.values;
  // The form the guest used before a failed login (the router echoes `var`), or a `?voucher=` link's.
  const link = new URLSearchParams(location.search).get('voucher')?.trim();
  const wanted = link ? 'voucher' : values.get('var');
  if (formRoot.querySelector(`[data-mode="${wanted}"]`)) early.setMode(wanted);
  const prefill = field(early.mode() === 'voucher' ? 'voucher' : 'username');
  if (prefill) prefill.value = link || values.get('username');
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
// The brand's pictures only now: on a slow link they would have shared it with this script.
loadPictures();
