/**
 * Posting to the router the way its own pages do: a hidden form built for the purpose, holding only
 * the fields given (for CHAP: username and the hash, never the typed password).
 */
import { safeHttpUrl } from './links.ts';

export function sendForm(action: string, fields: Record<string, string>, method: 'post' | 'get' = 'post'): boolean {
  const target = safeHttpUrl(action);
  if (!target) return false;
  const form = document.createElement('form');
  form.method = method;
  form.action = target.href;
  form.hidden = true;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
  return true;
}

/** What became of a login sent by `postLogin`. */
export type LoginOutcome =
  /** The router's answer is on screen (or on its way, as a plain form post). */
  | { kind: 'shown' }
  /** The router could not be reached: nothing changed, the guest may try again. */
  | { kind: 'offline' }
  /** The router answered with this very page again (a failed login): its HTML, for the page to take in. */
  | { kind: 'again'; html: string };

/** Whether `html` loads a module script this window has already run (it would not run again). */
function runsAgain(doc: Document, base: string): boolean {
  const ran = new Set([...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map((s) => s.src));
  return [...doc.querySelectorAll('script[type="module"][src]')].some((s) => ran.has(new URL(s.getAttribute('src')!, base).href));
}

/**
 * Posting a login so that a network failure keeps the guest on the page: the fields go by fetch, and
 * the router's answer (the page it answers POST /login with, fact sheet §1.1) replaces this page as a
 * form post would show it. The answer that is this very page again (a failed login: its scripts have
 * run in this window and would not start twice) is handed back for the page to take in. Where fetch
 * cannot show the answer faithfully (another origin, a redirect, not a page) the same fields go as a
 * plain form post instead, as the router's own pages send them.
 */
export async function postLogin(action: string, fields: Record<string, string>): Promise<LoginOutcome> {
  const target = safeHttpUrl(action);
  if (!target) return { kind: 'offline' };
  if (target.origin !== location.origin || typeof fetch !== 'function') return (sendForm(target.href, fields), { kind: 'shown' });
  let answer: Response;
  let html = '';
  try {
    answer = await fetch(target.href, {
      method: 'POST',
      body: new URLSearchParams(fields),
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'same-origin',
    });
    if (answer.type !== 'opaqueredirect') html = await answer.text();
  } catch {
    // No answer (or part of one). A router that did log the guest in answers the retry with its logged-in page.
    return { kind: 'offline' };
  }
  if (!html || !/html/i.test(answer.headers.get('content-type') ?? '')) return (sendForm(target.href, fields), { kind: 'shown' });
  if (runsAgain(new DOMParser().parseFromString(html, 'text/html'), answer.url)) return { kind: 'again', html };
  history.replaceState(null, '', answer.url);
  document.open();
  document.write(html);
  document.close();
  return { kind: 'shown' };
}
