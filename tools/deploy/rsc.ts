/**
 * RouterOS script values. Every value the deploy writes into a .rsc line is first checked against the
 * shape its property takes (so a value that could start a new command is refused with a sentence), and
 * then written as a quoted RouterOS string with every special character escaped.
 */
import { UserError } from '../lib/errors.ts';
import { routerosString } from '../routeros/routeros-string.ts';

/** A RouterOS double-quoted string with every special character escaped. */
export const rscString = routerosString;

export type Shape =
  | 'name'
  | 'path'
  | 'duration'
  | 'host'
  | 'host-pattern'
  | 'path-pattern'
  | 'address'
  | 'ports'
  | 'comment'
  | 'text'
  | 'login-by'
  | 'yes-no'
  | 'url-list'
  | 'secret';

const SHAPES: Record<Shape, { re: RegExp; hint: string }> = {
  name: { re: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, hint: 'letters, digits, dot, dash and underscore' },
  path: { re: /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, hint: 'a folder path of letters, digits, dot, dash and underscore' },
  duration: { re: /^(\d+(ms|[wdhms]))+$|^\d{1,2}:\d{2}:\d{2}$/, hint: 'a duration like 300ms, 30m, 1h30m or 1d' },
  host: {
    re: /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/,
    hint: 'a host name like pay.example.com',
  },
  'host-pattern': { re: /^[A-Za-z0-9*?]([A-Za-z0-9*?.-]{0,252})$/, hint: 'a host name, with * and ? wildcards allowed' },
  'path-pattern': { re: /^\/[A-Za-z0-9*?._~%/+-]*$/, hint: 'a URL path starting with /, with * and ? wildcards allowed' },
  address: { re: /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/, hint: 'an IPv4 address or prefix like 203.0.113.10 or 203.0.113.0/24' },
  ports: { re: /^\d{1,5}(-\d{1,5})?(,\d{1,5}(-\d{1,5})?)*$/, hint: 'ports like 443 or 80,443 or 8000-8080' },
  comment: { re: /^[A-Za-z0-9 ._:,/()-]{0,120}$/, hint: 'letters, digits, spaces and . _ : , / ( ) -' },
  // Free text such as WISPr's `isocc=us,cc=1,network=ACME`: one line, escaped when written.
  text: { re: /^[^\x00-\x1f\x7f]{0,253}$/u, hint: 'one line of at most 253 characters' },
  'login-by': {
    re: /^(mac|cookie|http-chap|https|http-pap|trial|mac-cookie)(,(mac|cookie|http-chap|https|http-pap|trial|mac-cookie))*$/,
    hint: 'login methods such as http-chap,cookie,trial',
  },
  'yes-no': { re: /^(yes|no)$/, hint: 'yes or no' },
  'url-list': {
    re: /^https?:\/\/[\x21-\x2b\x2d-\x7e]+(,https?:\/\/[\x21-\x2b\x2d-\x7e]+)*$/,
    hint: 'http:// or https:// URLs without blanks or commas, separated by commas',
  },
  // Secrets are never echoed; they may hold any printable character and are escaped when written.
  secret: { re: /^[\x20-\x7e]{0,64}$/, hint: 'up to 64 printable ASCII characters' },
};

/**
 * Checks `value` for the shape its field takes; refuses it with one sentence naming the field (and never
 * the value, when it is a secret). Returns the value written as a RouterOS string.
 */
export function rscValue(field: string, value: string, shape: Shape): string {
  const s = SHAPES[shape];
  if (!s.re.test(value)) {
    const shown = shape === 'secret' ? '' : ` "${value.length > 60 ? value.slice(0, 60) + '…' : value}"`;
    throw new UserError(`${field}${shown} cannot be written to the router: it must be ${s.hint}.`);
  }
  return rscString(value);
}
