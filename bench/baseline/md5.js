/*
 * MD5 (RFC 1321) for HTTP-CHAP on the bench's classic baseline login page. Written for this project.
 * hexMD5(s) hashes a string whose characters are bytes (only the low 8 bits of each are used, as
 * RouterOS's own md5.js does) and returns 32 lower-case hex digits.
 */
function hexMD5(s) {
  var n = s.length, blocks = ((n + 8) >> 6) + 1, w = [], i;
  for (i = 0; i < blocks * 16; i++) w[i] = 0;
  for (i = 0; i < n; i++) w[i >> 2] |= (s.charCodeAt(i) & 255) << ((i % 4) * 8);
  w[n >> 2] |= 128 << ((n % 4) * 8);
  w[blocks * 16 - 2] = n * 8;
  var shift = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21], k = [];
  for (i = 0; i < 64; i++) k[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296) | 0;
  var h = [1732584193, -271733879, -1732584194, 271733878];
  for (var b = 0; b < w.length; b += 16) {
    var a0 = h[0], b0 = h[1], c0 = h[2], d0 = h[3];
    for (i = 0; i < 64; i++) {
      var r = i >> 4, f, g;
      if (r == 0) { f = (b0 & c0) | (~b0 & d0); g = i; }
      else if (r == 1) { f = (d0 & b0) | (~d0 & c0); g = (5 * i + 1) % 16; }
      else if (r == 2) { f = b0 ^ c0 ^ d0; g = (3 * i + 5) % 16; }
      else { f = c0 ^ (b0 | ~d0); g = (7 * i) % 16; }
      var x = (a0 + f + k[i] + w[b + g]) | 0, sh = shift[r * 4 + (i % 4)];
      a0 = d0; d0 = c0; c0 = b0;
      b0 = (b0 + ((x << sh) | (x >>> (32 - sh)))) | 0;
    }
    h[0] = (h[0] + a0) | 0; h[1] = (h[1] + b0) | 0; h[2] = (h[2] + c0) | 0; h[3] = (h[3] + d0) | 0;
  }
  var out = '';
  for (i = 0; i < 16; i++) out += (((h[i >> 2] >>> ((i % 4) * 8)) & 255) + 256).toString(16).slice(1);
  return out;
}
