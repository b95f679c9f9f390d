/**
 * The script the bench adds to every document a guest's browser loads. It watches each animation frame
 * and reports milestones to the bench (the `__benchMark` binding) as wall-clock times taken in the page
 * (`performance.timeOrigin + performance.now()`), so no round trip to the bench is counted:
 *
 * - origin: the navigation start of the document holding the login form. The guest's navigation to
 *   http://example.com/ is redirected there, and a redirect keeps the navigation's start, so every
 *   figure is counted from the moment the guest asked for a page.
 * - fcp: the login document's first contentful paint (anything, e.g. the portal's header).
 * - form: first frame in which the user-name and password fields and the submit button are laid out
 *   with a non-empty box (searching open shadow roots too).
 * - ready: first frame in which the form can be submitted with CHAP: the submit button is enabled and
 *   labelled "Log in", and the page holds its hash code and challenge — for the portal, its first
 *   script (the CHAP path) has wired the form the build rendered (`data-hs-ready` on <html>) and
 *   window.hsChap holds chap-id and chap-challenge; for the classic page, md5.js has defined hexMD5.
 * - submit: the guest's click on the submit button.
 * - connected: first frame in which a visible heading reads "You are connected" (alogin).
 * - shift: not a time but the login document's cumulative layout shift (Chromium's `layout-shift`
 *   entries without recent input, summed) up to the click on the submit button: how far the page
 *   moved while it loaded and its scripts took it over.
 *
 * Written as a string, not a function: tsx (esbuild) may add helpers to a function's source that do not
 * exist in the page.
 */

export type PageKind = 'portal' | 'baseline';
export const MARKS = ['origin', 'fcp', 'form', 'ready', 'submit', 'connected', 'shift'] as const;
export type MarkName = (typeof MARKS)[number];
export const BINDING = '__benchMark';

export function probeScript(kind: PageKind, connectedText = 'You are connected', submitText = 'Log in'): string {
  return `(() => {
  if (window.top !== window) return;
  const kind = ${JSON.stringify(kind)};
  const mark = (name, at) => { try { window.${BINDING}(name, at); } catch (e) {} };
  const now = () => performance.timeOrigin + performance.now();
  const deep = (root, selector) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = deep(el.shadowRoot, selector);
        if (inner) return inner;
      }
    }
    return null;
  };
  const shown = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const hashReady = () => kind === 'portal'
    ? Boolean(document.documentElement.hasAttribute('data-hs-ready') && typeof window.hsChap?.id === 'string' && window.hsChap.id.length > 0 && typeof window.hsChap.challenge === 'string' && window.hsChap.challenge.length > 0)
    : typeof window.hexMD5 === 'function';
  let loginDoc = false;
  let fcp;
  let shift = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) {}
  let done = { form: false, ready: false, connected: false };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name !== 'first-contentful-paint') continue;
        fcp = performance.timeOrigin + e.startTime;
        if (loginDoc) mark('fcp', fcp);
      }
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {}
  addEventListener('click', (e) => {
    const target = e.composedPath()[0];
    if (loginDoc && target && target.type === 'submit') {
      mark('shift', shift);
      mark('submit', now());
    }
  }, true);
  const started = performance.now();
  const tick = () => {
    const t = now();
    if (document.documentElement) {
      const user = deep(document, 'input[name=username]:not([type=hidden])');
      const pass = deep(document, 'input[type=password]');
      const submit = deep(document, 'button[type=submit], input[type=submit]');
      if (!done.form && shown(user) && shown(pass) && shown(submit)) {
        done.form = true;
        loginDoc = true;
        mark('origin', performance.timeOrigin);
        mark('form', t);
        if (fcp !== undefined) mark('fcp', fcp);
      }
      if (done.form && !done.ready && shown(submit) && !submit.disabled && (submit.textContent || submit.value || '').trim() === ${JSON.stringify(submitText)} && hashReady()) {
        done.ready = true;
        mark('ready', t);
      }
      const heading = deep(document, 'h1');
      if (!done.connected && shown(heading) && heading.textContent.trim() === ${JSON.stringify(connectedText)}) {
        done.connected = true;
        mark('connected', t);
      }
    }
    // Until the connected page: the portal shows the router's answer to its login in this document (fetch), not a new one.
    if (!done.connected && performance.now() - started < 120000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}
