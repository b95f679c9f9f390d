/**
 * The login page's second script, loaded by the first (login.ts) once the form works; no Lit. Like the
 * pages after login (shared/static-page.ts) it puts the page the build rendered in the guest's language
 * and wires its language picker; then it shows what only a script knows: the router's error (or that
 * the router could not be reached), the notes on plain passwords, the show-password toggle and the
 * free trial's button. Logins go through the first script's CHAP path; from now on they are posted by
 * fetch, so a network error keeps the guest on the page and a refused login is taken in where it is.
 */
import texts from 'virtual:hotspot/i18n/login';
import { readChap } from '../hotspot/chap-values.ts';
import { DATA_ISLAND_ID, readRouterValues } from '../hotspot/router-values.ts';
import { t, loadErrorTexts } from '../i18n/runtime.ts';
import { early } from './login.ts';
import { routerErrorText } from './shared/error-text.ts';
import { config, startStaticPage } from './shared/static-page.ts';

// The page's view is in light DOM (tools/build/light-dom.ts), as the first script finds it too.
const page = document.querySelector('hs-login-page');
const part = (name: string) => page?.querySelector<HTMLElement>(`[data-hs="${name}"]`);
const form = page?.querySelector('hs-login-form');
const tick = page?.querySelector<HTMLInputElement>('#accept');
const trial = page?.querySelector<HTMLButtonElement>('hs-trial button');
const submit = form?.querySelector<HTMLButtonElement>('button[type=submit]');
/** The last login could not reach the router. */
let offline = false;

/**
 * A failed login the router answered with this page again: its router values (the error, the echoed
 * user name) and its fresh CHAP challenge are taken into the page, which stays as the guest left it.
 */
function takeIn(html: string): void {
  const answer = new DOMParser().parseFromString(html, 'text/html');
  const island = document.getElementById(DATA_ISLAND_ID);
  if (island) island.textContent = answer.getElementById(DATA_ISLAND_ID)?.textContent ?? '';
  early.values = readRouterValues();
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

/** Whether `doc` loads a module script this window has already run (it would not run again). */
function runsAgain(doc: Document, base: string): boolean {
  const ran = new Set([...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map((s) => s.src));
  return [...doc.querySelectorAll('script[type="module"][src]')].some((s) => ran.has(new URL(s.getAttribute('src')!, base).href));
}

/** The first script's plain form post, for what fetch cannot show faithfully. */
const plainPost = early.post;

/**
 * Posting a login so that a network failure keeps the guest on the page: the fields go by fetch, and
 * the router's answer (the page it answers POST /login with, fact sheet §1.1) replaces this page as a
 * form post would show it; 'offline' when the router could not be reached (nothing changed, the guest
 * may try again). The answer that is this very page again (a failed login: its scripts have run in this
 * window and would not start twice) is taken in instead ('refused'). Where fetch cannot show the answer
 * faithfully (another origin, a redirect, not a page) the same fields go as a plain form post instead.
 */
async function postLogin(action: string, fields: Record<string, string>): Promise<'shown' | 'offline' | 'refused'> {
  const target = new URL(action);
  if (target.origin !== location.origin || typeof fetch !== 'function') return (plainPost(action, fields), 'shown');
  let answer: Response;
  let html = '';
  try {
    answer = await fetch(action, {
      method: 'POST',
      body: new URLSearchParams(fields),
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'same-origin',
    });
    if (answer.type !== 'opaqueredirect') html = await answer.text();
  } catch {
    // No answer (or part of one). A router that did log the guest in answers the retry with its logged-in page.
    return 'offline';
  }
  if (!html || !/html/i.test(answer.headers.get('content-type') ?? '')) return (plainPost(action, fields), 'shown');
  if (runsAgain(new DOMParser().parseFromString(html, 'text/html'), answer.url)) return (takeIn(html), 'refused');
  history.replaceState(null, '', answer.url);
  document.open();
  document.write(html);
  document.close();
  return 'shown';
}

/** A login by fetch; the buttons come back and the message box says why when the guest is still here. */
async function post(action: string, fields: Record<string, string>): Promise<void> {
  offline = false;
  const box = part('alert');
  if (box) box.hidden = true;
  const outcome = await postLogin(action, fields);
  if (outcome === 'shown') return;
  offline = outcome === 'offline';
  for (const b of [submit, trial]) if (b) b.disabled = false;
  if (offline) showAlert();
  else void loadErrorTexts().then(showAlert);
}

/** The message box: the router's error in the guest's language, or that the router was out of reach. */
function showAlert(): void {
  const box = part('alert');
  const text = offline ? t('login.offline') : routerErrorText(early.values);
  const div = box?.querySelector('div');
  if (!box || !div) return;
  div.textContent = text;
  box.hidden = !text;
}

function update(): void {
  showAlert();
  const plain = !early.chap && location.protocol !== 'https:';
  part('plain')?.toggleAttribute('hidden', !(plain && early.values.is('plain-passwd', 'yes')));
  part('secure')?.toggleAttribute('hidden', !(config.https && !early.chap && location.protocol === 'https:'));
}

/** Show password: a toggle inside the field; the password is hidden again as the login leaves. */
function wireReveal(): void {
  const reveal = form?.querySelector<HTMLButtonElement>('button.reveal');
  const password = form?.querySelector<HTMLInputElement>('#password');
  if (!reveal || !password) return;
  const set = (on: boolean) => {
    reveal.setAttribute('aria-pressed', String(on));
    password.type = on ? 'text' : 'password';
  };
  reveal.addEventListener('click', () => set(reveal.getAttribute('aria-pressed') !== 'true'));
  // After the first script's own listener: a login that went out has disabled the button.
  form!.querySelector('form')?.addEventListener('submit', () => {
    if (form!.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled) set(false);
  });
  reveal.hidden = false;
}

function wireTrial(): void {
  if (!trial) return;
  trial.addEventListener('click', () => {
    if (trial.disabled || !early.termsOk()) return;
    trial.disabled = early.send({ mode: 'trial' });
  });
  trial.disabled = false;
}

// A login sent before this script arrived may have been answered already: the router's page (alogin,
// error) is then this window's document, and is its own script's to start.
if (page) {
  tick?.addEventListener('change', () => {
    if (tick.checked) early.termsOk();
  });
  early.post = post;
  wireReveal();
  wireTrial();
  void startStaticPage({ titleKey: 'title.login', texts, update });
}
