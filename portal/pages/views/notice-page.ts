/**
 * One view for the pages that say one thing and lead back to the login page: error.html (fatal
 * errors, fact sheet §1.1), logout.html (with the session's final figures) and fstatus/flogout.html
 * (not logged in). Rendered by the build (these pages ship no Lit): the router fills the figures and
 * picks the error's text by its type; the link is the relative `login`. The pages' scripts put in the
 * guest's language and units.
 */
import { html, nothing } from 'lit';
import { HsElement } from '../../components/hs-element.ts';
import '../../components/hs-message/hs-message.ts';
import '../../components/hs-status-figures/hs-status-figures.ts';
import { t, textKeys, type TextKey } from '../../i18n/runtime.ts';
import { base } from '../../theme/base.ts';
import { actions } from '../shared/action-styles.ts';
import { pageEnv, routerMarkup as r } from '../../hotspot/page-env.ts';
import { sessionFigures } from '../shared/figures.ts';
import { card } from '../shared/page-styles.ts';

export type NoticeKind = 'error' | 'logout' | 'not-logged-in';

const TITLE: Record<NoticeKind, TextKey> = { error: 'error.title', logout: 'logout.title', 'not-logged-in': 'notLoggedIn.title' };
const BUTTON: Record<NoticeKind, TextKey> = { error: 'error.retry', logout: 'logout.again', 'not-logged-in': 'notLoggedIn.login' };

/**
 * The router's error in the page's language, picked by the router itself from its error type; the
 * values in the texts as the router fills them safely (its own figures, URL-encoded guest values).
 * An error type without a text leaves the box empty for the script (the router's text, as text).
 */
function errorByType(): string {
  const params = { username: r('username-esc'), ip: r('ip'), detail: r('error-orig-esc') };
  const keys = textKeys('errors.').filter((k) => /^errors\.[a-z0-9-]+$/.test(k));
  return (
    keys.map((k, i) => `${r(`${i ? 'elif' : 'if'} error-type == ${k.slice('errors.'.length)}`)}${t(k, params)}`).join('') +
    (keys.length ? r('endif') : '')
  );
}

export class HsNoticePage extends HsElement {
  static override properties = { kind: { reflect: true } };
  declare kind: NoticeKind;
  static override styles = [base, card, actions];
  private readonly env = pageEnv();

  constructor() {
    super();
    this.kind = 'error';
  }

  private message() {
    if (this.kind === 'error') return html`<hs-message kind="error" .text=${errorByType()}></hs-message>`;
    if (this.kind === 'not-logged-in') return html`<p class="lead">${t('errors.not-logged-in', { ip: r('ip') })}</p>`;
    const figures = sessionFigures(this.env.values, { withIp: false, withLimits: false });
    return figures.length ? html`<h2 class="lead">${t('logout.summary')}</h2><hs-status-figures .items=${figures}></hs-status-figures>` : nothing;
  }

  override render() {
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${t(TITLE[this.kind])}</h1>
      ${this.message()}
      <a class="button" href="login">${t(BUTTON[this.kind])}</a>
    </section>`;
  }
}
