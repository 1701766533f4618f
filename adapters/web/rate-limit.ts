// A per-client rate limit for the web chat's API: a token bucket per client address, kept in an LRU cache
// so that many clients cannot grow it without bound. A refused request learns when to try again
// (Retry-After, RFC 9110 §10.2.3).
import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from '../../src/clock.js';

export interface RateLimitOptions {
  /** Requests a client may make at once. */
  burst: number;
  /** Requests a client may make per minute, on average. */
  perMinute: number;
  /** The time buckets refill by; the system clock by default. */
  clock?: Clock;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 20, perMinute: 30 };

export interface RateLimiter {
  /** Takes one request of `client`: `ok`, or the whole seconds to wait. */
  take(client: string): { ok: true } | { ok: false; retryAfterSeconds: number };
}

/** Creates the limiter; buckets of clients not seen for a while are dropped. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const clock = options.clock ?? systemClock;
  const perMs = options.perMinute / 60_000;
  const buckets = new LRUCache<string, { tokens: number; at: number }>({ max: 10_000 });
  return {
    take(client) {
      const t = clock.now().getTime();
      const bucket = buckets.get(client) ?? { tokens: options.burst, at: t };
      // A clock that steps back (NTP, a test) refills nothing rather than draining the bucket.
      bucket.tokens = Math.min(options.burst, bucket.tokens + Math.max(0, t - bucket.at) * perMs);
      bucket.at = t;
      buckets.set(client, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
