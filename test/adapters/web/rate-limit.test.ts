import { describe, expect, it } from 'vitest';
import { langFromHeader } from '../../../adapters/web/page.js';
import { createRateLimiter } from '../../../adapters/web/rate-limit.js';
import { createFakeClock } from '../../notices/helpers.js';

describe('createRateLimiter', () => {
  it('lets a burst through, then refuses with the seconds until the next request, per client', () => {
    const clock = createFakeClock('2026-12-01T10:00:00Z');
    const limiter = createRateLimiter({ burst: 3, perMinute: 6, clock });
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('b').ok).toBe(true);
    clock.set('2026-12-01T10:00:04Z');
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 6 });
    clock.set('2026-12-01T10:00:10Z');
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    clock.set('2026-12-01T10:10:00Z');
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false]);
  });

  it('takes a clock stepping back as no time passed', () => {
    const clock = createFakeClock('2026-12-01T10:00:00Z');
    const limiter = createRateLimiter({ burst: 2, perMinute: 6, clock });
    expect(limiter.take('a').ok).toBe(true);
    clock.set('2026-11-29T10:00:00Z');
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    clock.set('2026-11-29T10:00:10Z');
    expect(limiter.take('a').ok).toBe(true);
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
