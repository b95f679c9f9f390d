/**
 * One view for the pages that say one thing and lead back to the login page: error.html (fatal
 * errors, fact sheet §1.1), logout.html (with the session's final figures) and fstatus/flogout.html
 * (not logged in). As the build renders it, without JavaScript, the message is the router's own
 * figures and the link is the relative `login`; the script puts in the guest's language and links.
 */
import { html, nothing } from 'lit';
import { HsElement } from '../../components/hs-element.ts';
import '../../components/hs-message/hs-message.ts';
import '../../components/hs-status-figures/hs-status-figures.ts';
import { safeHttpUrl } from '../../hotspot/links.ts';
import { LocaleController, t, type TextKey } from '../../i18n/runtime.ts';
import { base } from '../../theme/base.ts';
import { actions } from '../shared/action-styles.ts';
import { pageEnv, routerMarkup } from '../../hotspot/page-env.ts';
import { routerErrorText } from '../shared/error-text.ts';
import { sessionFigures } from '../shared/figures.ts';
import { card } from '../shared/page-styles.ts';

export type NoticeKind = 'error' | 'logout' | 'not-logged-in';

const TITLE: Record<NoticeKind, TextKey> = { error: 'error.title', logout: 'logout.title', 'not-logged-in': 'notLoggedIn.title' };
const BUTTON: Record<NoticeKind, TextKey> = { error: 'error.retry', logout: 'logout.again', 'not-logged-in': 'notLoggedIn.login' };

export class HsNoticePage extends HsElement {
  static override properties = { kind: { reflect: true } };
  declare kind: NoticeKind;
  static override styles = [base, card, actions];
  private readonly i18n = new LocaleController(this);
  private readonly env = pageEnv();

  constructor() {
    super();
    this.kind = 'error';
  }

  private message() {
    const v = this.env.values;
    if (this.kind === 'error') {
      // Without a script the router's own text cannot be shown safely: the title says enough.
      return html`<hs-message kind="error" .text=${routerErrorText(v)}></hs-message>`;
    }
    if (this.kind === 'not-logged-in') {
      const ip = this.env.server ? routerMarkup('ip') : v.get('ip');
      return html`<p class="lead">${t('errors.not-logged-in', { ip })}</p>`;
    }
    const figures = sessionFigures(v, { withIp: false, withLimits: false });
    return figures.length ? html`<h2 class="lead">${t('logout.summary')}</h2><hs-status-figures .items=${figures}></hs-status-figures>` : nothing;
  }

  override render() {
    const login = (!this.env.server && safeHttpUrl(this.env.values.get('link-login-only'))?.href) || 'login';
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t(TITLE[this.kind], { brand: this.env.config.brand })}</h1>
      ${this.message()}
      <a class="button" href=${login}>${t(BUTTON[this.kind])}</a>
    </section>`;
  }
}
