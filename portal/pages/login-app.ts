/**
 * The login page's full script, loaded by the small CHAP path (login.ts) once the form works: language
 * switch, voucher tab, terms, trial and translated router errors. Logins go through the same CHAP path.
 */
import texts from 'virtual:hotspot/i18n/login';
import type { LoginRequest } from '../hotspot/login-submit.ts';
import { readRouterValues } from '../hotspot/router-values.ts';
import { pageEnv } from '../hotspot/page-env.ts';
import { loadErrorTexts } from '../i18n/runtime.ts';
import { early, OFFLINE_EVENT, REFUSED_EVENT } from './login.ts';
import { boot } from './shared/boot.ts';
import { HsLoginPage } from './views/login-page.ts';

class Page extends HsLoginPage {
  protected override termsKept(): boolean {
    return early.termsRemembered();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A login sent before this script took the page over is answered here too.
    document.addEventListener(OFFLINE_EVENT, () => this.unreachable());
    document.addEventListener(REFUSED_EVENT, () => void this.refused());
  }

  /** The router refused the login (the page's values now hold its error): show it, in the guest's language. */
  private async refused(): Promise<void> {
    pageEnv().values = readRouterValues();
    await loadErrorTexts();
    this.busy = false;
    this.requestUpdate();
  }

  protected override send(req: LoginRequest): boolean {
    return early.send(req, this.termsAccepted);
  }
}

void boot('hs-login-page', Page, 'title.login', texts, { chap: early.chap });
