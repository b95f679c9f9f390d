/**
 * The login page's second script, loaded by the first (login.ts) once the form works; no Lit. Like the
 * pages after login (shared/static-page.ts) it puts the page the build rendered in the guest's language
 * and wires its language picker; then it shows what only a script knows: the router's error (or that
 * the router could not be reached), the notes on plain passwords, the show-password toggle and the
 * free trial's button. Logins go through the first script's CHAP path.
 */
import texts from 'virtual:hotspot/i18n/login';
import { t, loadErrorTexts } from '../i18n/runtime.ts';
import { early, OFFLINE_EVENT, REFUSED_EVENT } from './login.ts';
import { routerErrorText } from './shared/error-text.ts';
import { config, shadowOf, startStaticPage } from './shared/static-page.ts';

const page = shadowOf('hs-login-page');
const part = (name: string) => page?.querySelector<HTMLElement>(`[data-hs="${name}"]`);
const form = shadowOf('hs-login-form', page ?? document);
const tick = shadowOf('hs-terms', page ?? document)?.querySelector<HTMLInputElement>('#accept');
const trial = shadowOf('hs-trial', page ?? document)?.querySelector<HTMLButtonElement>('button');
/** The last login could not reach the router. */
let offline = false;

/** The message box: the router's error in the guest's language, or that the router was out of reach. */
function showAlert(): void {
  const box = part('alert');
  const text = offline ? t('login.offline') : routerErrorText(early.values());
  const div = box?.shadowRoot?.querySelector('div');
  if (!box || !div) return;
  div.textContent = text;
  box.hidden = !text;
}

function update(): void {
  showAlert();
  const plain = !early.chap && location.protocol !== 'https:';
  part('plain')?.toggleAttribute('hidden', !(plain && early.values().is('plain-passwd', 'yes')));
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
    offline = false;
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
  document.addEventListener(OFFLINE_EVENT, () => {
    offline = true;
    if (trial) trial.disabled = false;
    showAlert();
  });
  document.addEventListener(REFUSED_EVENT, () => {
    offline = false;
    if (trial) trial.disabled = false;
    void loadErrorTexts().then(showAlert);
  });
  form?.querySelector('form')?.addEventListener('submit', () => (offline = false));

  wireReveal();
  wireTrial();
  void startStaticPage({ titleKey: 'title.login', texts, update });
}
