// Remembers the event_ids already handled, so a delivery Slack retries (X-Slack-Retry-Num) is answered
// once. In memory with a time-to-live: Slack retries within minutes (after 1 min, 5 min, then 30 min).
// https://docs.slack.dev/apis/events-api/#retries

export interface EventDeduper {
  /** True when `id` was seen within the time-to-live; otherwise records it and returns false. */
  seen(id: string): boolean;
  readonly size: number;
}

export interface EventDeduperOptions {
  /** How long an id is remembered; one hour covers Slack's three retries. */
  ttlMs?: number;
  /** Most ids kept; the oldest go first. */
  maxSize?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
}

/** An in-memory set of event ids with a time-to-live and a size bound. */
export function createEventDeduper(options: EventDeduperOptions = {}): EventDeduper {
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const maxSize = options.maxSize ?? 50_000;
  const clock = options.clock ?? Date.now;
  // Insertion order is expiry order (the TTL is the same for every id), so pruning stops at the first live id.
  const expiries = new Map<string, number>();

  const prune = (now: number): void => {
    for (const [id, expiresAt] of expiries) {
      if (expiresAt > now && expiries.size < maxSize) break;
      expiries.delete(id);
    }
  };

  return {
    seen(id) {
      const now = clock();
      prune(now);
      const expiresAt = expiries.get(id);
      if (expiresAt !== undefined && expiresAt > now) return true;
      expiries.set(id, now + ttlMs);
      return false;
    },
    get size() {
      return expiries.size;
    },
  };
}

/** Claims `key` in `scope` once within `ttlMs`, shared by every replica (the store's `claimOnce`); true for the first claim. */
export type ClaimOnce = (scope: string, key: string, ttlMs: number, now: Date) => Promise<boolean>;

export interface SharedEventDeduper {
  /** True when `id` was claimed already, by this replica or another. */
  seen(id: string): Promise<boolean>;
}

export interface SharedEventDeduperOptions extends EventDeduperOptions {
  /** Told when the shared claim fails; the id is then checked in this process's memory only. */
  onError?: (error: unknown) => void;
}

/** Event ids claimed through the store, so that a retry that reaches another replica is answered once. */
export function createSharedEventDeduper(claim: ClaimOnce, options: SharedEventDeduperOptions = {}): SharedEventDeduper {
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const clock = options.clock ?? Date.now;
  const local = createEventDeduper(options);
  return {
    async seen(id) {
      try {
        return !(await claim('slack-event', id, ttlMs, new Date(clock())));
      } catch (error) {
        // Answering a retry twice is better than not answering while the database is unreachable.
        options.onError?.(error);
        return local.seen(id);
      }
    },
  };
}
