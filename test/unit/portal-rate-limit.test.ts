import { describe, expect, it } from 'vitest';
import { parseRateLimit } from '../../portal/hotspot/rate-limit.ts';
import { formatBitRate } from '../../portal/i18n/format.ts';

describe('Mikrotik-Rate-Limit as the status page reads it', () => {
  it('takes rx as the guest upload and tx as their download', () => {
    expect(parseRateLimit('2M/8M')).toEqual({ up: 2e6, down: 8e6 });
    expect(parseRateLimit('512k/1M')).toEqual({ up: 512e3, down: 1e6 });
  });

  it('uses a lone rate for both directions and ignores burst settings', () => {
    expect(parseRateLimit('10M')).toEqual({ up: 1e7, down: 1e7 });
    expect(parseRateLimit('1M/2M 2M/4M 768k/1536k 16/24 8')).toEqual({ up: 1e6, down: 2e6 });
    expect(parseRateLimit('1.5M/3m')).toEqual({ up: 1.5e6, down: 3e6 });
  });

  it('shows nothing for empty, unlimited or malformed values', () => {
    for (const text of ['', '0/0', '0', 'fast', '1M/2M/3M', '$(radius8-14988)', '-1M/2M', '1T/2T']) {
      expect(parseRateLimit(text), text).toBeUndefined();
    }
  });

  it('formats rates in decimal units', () => {
    expect(formatBitRate(8e6, 'en')).toBe('8 Mb/s');
    expect(formatBitRate(512e3, 'en')).toBe('512 kb/s');
    expect(formatBitRate(1.5e9, 'en')).toBe('1.5 Gb/s');
    expect(formatBitRate(900, 'en')).toBe('900 bit/s');
  });
});
