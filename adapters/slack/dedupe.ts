// Answers each Slack request once: an event Slack retries (same event_id, X-Slack-Retry-Num) and a slash
// command or click replayed within the 5 minutes a signature stays valid (same trigger_id) are
// acknowledged and skipped. The memory is an injected async `claim`, so that several replicas can share
// it through the database; by default an in-memory LRU with a time-to-live of one hour, which covers
// Slack's retries (after 1 min, 5 min, then 30 min). https://docs.slack.dev/apis/events-api/#retries
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from '../../src/clock.js';
import type { Logger } from '../../src/logger.js';

/** Records `key` and resolves to true, or to false when it was claimed before. */
export type SlackClaim = (key: string) => Promise<boolean>;

/** An in-memory claim with a time-to-live and a size bound, oldest out first. */
export function createMemoryClaim(options: { ttlMs?: number; max?: number; clock?: Clock } = {}): SlackClaim {
  const clock = options.clock;
  const seen = new LRUCache<string, true>({
    max: options.max ?? 50_000,
    ttl: options.ttlMs ?? 60 * 60 * 1000,
    ...(clock ? { perf: { now: () => clock.now().getTime() }, ttlResolution: 0 } : {}),
  });
  return async (key) => {
    if (seen.has(key)) return false;
    seen.set(key, true);
    return true;
  };
}

/** What identifies a request across its deliveries: the event_id, or the trigger_id of a command or click. */
export function toSlackDedupeKey(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { event_id: eventId, trigger_id: triggerId } = body as { event_id?: unknown; trigger_id?: unknown };
  if (typeof eventId === 'string' && eventId !== '') return `event:${eventId}`;
  if (typeof triggerId === 'string' && triggerId !== '') return `trigger:${triggerId}`;
  return undefined;
}

/** Global Bolt middleware: a request seen before is acknowledged (events are already) and goes no further. */
export function createSlackDedupe(claim: SlackClaim, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, context, next } = args;
    const key = toSlackDedupeKey(body);
    if (key === undefined || (await claim(key))) {
      await next();
      return;
    }
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
    logger.info({ key, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack retry of a handled event skipped');
  };
}

/** The store's one-time claim (`Storage.claimOnce`), shared by every replica. */
export type ClaimOnce = (scope: string, key: string, ttlMs: number, now: Date) => Promise<boolean>;

/**
 * A claim through the store, so that a retry that reaches another replica is skipped too. When the store
 * fails, the key is claimed in this process's memory instead (and `onError` told): answering a retry twice
 * beats not answering while the database is unreachable.
 */
export function createStoreClaim(
  claimOnce: ClaimOnce,
  options: { ttlMs?: number; clock?: Clock; onError?: (error: unknown) => void } = {},
): SlackClaim {
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const clock = options.clock ?? systemClock;
  const fallback = createMemoryClaim({ ttlMs, ...(options.clock ? { clock: options.clock } : {}) });
  return async (key) => {
    try {
      return await claimOnce('slack', key, ttlMs, clock.now());
    } catch (error) {
      options.onError?.(error);
      return fallback(key);
    }
  };
}
