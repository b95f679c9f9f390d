/** Limits as RouterOS takes them, and in words of the ticket's language. */
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig } from '../../tools/config/index.ts';
import { bytesWords, checkUptime, durationWords, parseByteSize, rateWords } from '../../tools/vouchers/limits.ts';

describe('voucher limits', () => {
  it('reads sizes in 1024s, as RouterOS counts them', () => {
    expect(parseByteSize('500M')).toBe(500 * 1024 * 1024);
    expect(parseByteSize('2g')).toBe(2 * 1024 ** 3);
    expect(parseByteSize('1000')).toBe(1000);
    expect(() => parseByteSize('lots')).toThrow('--data "lots" is not a size: write it like 500M, 2G or a number of bytes.');
    expect(() => checkUptime('soon')).toThrow('--uptime "soon" is not a RouterOS duration: write it like 30m, 1h, 1d12h.');
  });

  it('says durations, sizes and speeds in words of the language', () => {
    expect(durationWords('1h', 'en')).toBe('1 hour');
    expect(durationWords('1d12h', 'en')).toBe('1 day and 12 hours');
    expect(durationWords('1d12h', 'es')).toBe('1 día y 12 horas');
    expect(durationWords('2w', 'en')).toBe('2 weeks');
    expect(durationWords('10d', 'en')).toBe('10 days');
    expect(bytesWords(500 * 1024 ** 2, 'en')).toBe('500 megabytes');
    expect(bytesWords(1.5 * 1024 ** 3, 'es')).toBe('1,5 gigabytes');
    expect(rateWords('2M/4M', 'en')).toBe('4 megabits per second');
    expect(durationWords('1h', 'ar')).toMatch(/ساعة/);
  });
});

describe('vouchers in portal.config.ts', () => {
  it('takes the example profiles with defaults, and names the field of a bad value', () => {
    const c = validateConfig(example);
    expect(c.vouchers.profiles['1h']).toEqual({ uptime: '1h', data: '500M', rateLimit: '2M/4M', price: '$2', sharedUsers: 1 });
    expect(c.vouchers).toMatchObject({ alphabet: 'ABCDEFGHJKMNPQRSTUVWXYZ23456789', length: 8, paper: 'a4' });
    const bad = (vouchers: unknown) => () => validateConfig({ ...structuredClone(example), vouchers } as never);
    expect(bad({ profiles: { 'one hour': {} } })).toThrow(/vouchers\.profiles/);
    expect(bad({ profiles: { '1h': { data: 'lots' } } })).toThrow(/vouchers\.profiles\.1h\.data.*must be a size such as "500M"/);
    expect(bad({ profiles: { '1h': { rateLimit: 'fast' } } })).toThrow(/rateLimit.*must be a RouterOS rate limit/);
    expect(bad({ paper: 'a3' })).toThrow(/vouchers\.paper/);
  });
});
