import { describe, expect, it } from 'vitest';
import { langFromHeader } from '../../../adapters/web/page.js';
import { createRateLimiter } from '../../../adapters/web/rate-limit.js';

describe('createRateLimiter', () => {
  it('lets a burst through, then refuses with the seconds until the next request, per client', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 3, perMinute: 6, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('b').ok).toBe(true);
    now = 4_000;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 6 });
    now = 10_000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    now = 10 * 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false]);
  });
});

describe('langFromHeader', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['en-US,en;q=0.9', 'en'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['de-DE,en;q=0.7,nl;q=0.8', 'nl'],
    ['de-DE,fr;q=0.8', 'nl'],
    ['fr, en-GB;q=0.5', 'en'],
    ['nl;q=0, en', 'en'],
  ])('%j → %s', (header, lang) => {
    expect(langFromHeader(header)).toBe(lang);
  });
});
