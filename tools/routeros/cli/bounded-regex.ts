/**
 * The regular expressions of `~` in `print where` / `find where`. JavaScript's usual engine backtracks,
 * so a pattern like `(a+)+$` takes exponential time and one console command would block the whole
 * router (its servlet too). V8's linear-time engine (flag `l`) matches in time proportional to the
 * text and refuses what it cannot do that way (back-references, lookarounds, huge counted repeats):
 * those patterns are a console error. The pattern's length is bounded as well.
 */
import { setFlagsFromString } from 'node:v8';
import { CliError, type Pos } from './errors.ts';

setFlagsFromString('--enable-experimental-regexp-engine');

/** Longest pattern accepted. */
export const MAX_PATTERN = 1024;

/** The flag of V8's linear-time engine (a variable: ESLint does not know the flag). */
const LINEAR_FLAG = 'l';
const linear = (() => {
  try {
    return new RegExp('a', LINEAR_FLAG).test('a');
  } catch {
    return false;
  }
})();

const cache = new Map<string, RegExp>();

export function boundedRegex(pattern: string, pos: Pos): RegExp {
  const known = cache.get(pattern);
  if (known) return known;
  if (pattern.length > MAX_PATTERN) throw new CliError('regular expression too long', 'value', pos);
  let re: RegExp;
  try {
    new RegExp(pattern);
  } catch {
    throw new CliError('invalid regular expression', 'value', pos);
  }
  try {
    // Without the linear engine (another Node), the length bounds above are all that is left.
    re = new RegExp(pattern, linear ? LINEAR_FLAG : '');
  } catch {
    throw new CliError('regular expression too complex', 'value', pos);
  }
  if (cache.size > 256) cache.clear();
  cache.set(pattern, re);
  return re;
}
