// A per-client rate limit for the web chat's API: a token bucket per client address, kept in an LRU cache
// so that many clients cannot grow it without bound. A refused request learns when to try again
// (Retry-After, RFC 9110 §10.2.3).
import { LRUCache } from 'lru-cache';

export interface RateLimitOptions {
  /** Requests a client may make at once. */
  burst: number;
  /** Requests a client may make per minute, on average. */
  perMinute: number;
  /** Milliseconds since the epoch; injected by tests. */
  now?: () => number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 20, perMinute: 30 };

export interface RateLimiter {
  /** Takes one request of `client`: `ok`, or the whole seconds to wait. */
  take(client: string): { ok: true } | { ok: false; retryAfterSeconds: number };
}

/** Creates the limiter; buckets of clients not seen for a while are dropped. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const perMs = options.perMinute / 60_000;
  const buckets = new LRUCache<string, { tokens: number; at: number }>({ max: 10_000 });
  return {
    take(client) {
      const t = now();
      const bucket = buckets.get(client) ?? { tokens: options.burst, at: t };
      bucket.tokens = Math.min(options.burst, bucket.tokens + (t - bucket.at) * perMs);
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
