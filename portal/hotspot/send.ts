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
