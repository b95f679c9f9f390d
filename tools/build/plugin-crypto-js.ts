/**
 * `hotspot:crypto-js`: serves the crypto-js modules the portal imports (md5, enc-latin1 and their
 * core) as ES modules, so the login page carries no CommonJS interop runtime, and gives core's
 * random() the browser's source only (its Node and IE fallbacks, with a `require('crypto')` that
 * would pull a shim into the page, are dropped; MD5 never calls random() anyway), and leaves out of
 * core and md5 what MD5 over a word array never uses (crypto-js-md5-only.ts).
 * Every crypto-js file has the same UMD wrapper: `;(function (root, factory) { … factory(require
 * ("./core")) … }(this, function (CryptoJS) { … return X; }));`. A file that does not match is left
 * to the bundler's CommonJS support.
 */
import type { Plugin } from 'vite';
import { md5OnlyCryptoJs } from './crypto-js-md5-only.ts';

const HEADER =
  /^;\(function \(root, factory(?:, undef)?\) \{\s*if \(typeof exports === "object"\) \{[^}]*?module\.exports = exports = factory\(([^;]*)\);[\s\S]*?\}\(this, function \(([^)]*)\) \{/;

export function cryptoJsToEsm(code: string): string | undefined {
  const m = HEADER.exec(code);
  const close = code.lastIndexOf('}));');
  if (!m || close < 0) return undefined;
  const deps = [...m[1]!.matchAll(/require\("\.\/([\w-]+)"\)/g)].map((d) => d[1]!);
  const imports = deps.map((d, i) => `import __dep${i} from './${d}.js';`).join('\n');
  const args = deps.map((_, i) => `__dep${i}`).join(', ');
  return `${imports}\nexport default (function (${m[2]}) {${code.slice(m[0].length, close)}})(${args});\n`;
}

const RANDOM_START = '    var crypto;';
const RANDOM_END = "throw new Error('Native crypto module could not be used to get secure random number.');";

/** core.js with its secure-random source reduced to `globalThis.crypto` (browsers, Node 19+). */
export function browserCryptoCore(code: string): string {
  const start = code.indexOf(RANDOM_START);
  const endMark = code.indexOf(RANDOM_END, start);
  const end = endMark < 0 ? -1 : code.indexOf('};', endMark);
  if (start < 0 || end < 0) return code.replace("typeof require === 'function'", 'false');
  return `${code.slice(0, start)}    var cryptoSecureRandomInt = function () {\n        return globalThis.crypto.getRandomValues(new Uint32Array(1))[0];\n    };${code.slice(end + 2)}`;
}

export function hotspotCryptoJs(): Plugin {
  return {
    name: 'hotspot:crypto-js',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]crypto-js[\\/][\w-]+\.js$/.test(id)) return undefined;
      let out = cryptoJsToEsm(code) ?? code;
      if (/[\\/]core\.js$/.test(id)) out = browserCryptoCore(out);
      if (/[\\/](?:core|md5)\.js$/.test(id) && out !== code) out = md5OnlyCryptoJs(out);
      return out === code ? undefined : { code: out, map: null };
    },
  };
}
