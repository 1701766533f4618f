// Slack event ids claimed through the store: two replicas (two connections to one store) answer an event
// once, and a failing store falls back to this process's memory instead of dropping the event.
import { describe, expect, it } from 'vitest';
import { createSharedEventDeduper } from '../../../adapters/slack/dedupe.js';
import { openSqliteStorage } from '../../../src/storage/sqlite.js';
import { tempDataDir } from '../../notices/helpers.js';

describe('createSharedEventDeduper', () => {
  it('sees an event handled by another replica of the same store, until the time-to-live passes', async () => {
    const temp = tempDataDir();
    const [a, b] = [openSqliteStorage(temp.dir), openSqliteStorage(temp.dir)];
    let now = Date.parse('2026-12-01T10:00:00Z');
    const clock = () => now;
    const first = createSharedEventDeduper((...args) => a.claimOnce(...args), { ttlMs: 60_000, clock });
    const second = createSharedEventDeduper((...args) => b.claimOnce(...args), { ttlMs: 60_000, clock });
    expect(await first.seen('Ev1')).toBe(false);
    expect(await second.seen('Ev1')).toBe(true);
    expect(await first.seen('Ev1')).toBe(true);
    expect(await second.seen('Ev2')).toBe(false);
    now += 60_000;
    expect(await second.seen('Ev1')).toBe(false);
    await Promise.all([a.close(), b.close()]);
    temp.cleanup();
  });

  it('falls back to memory when the store fails, and says so', async () => {
    const errors: unknown[] = [];
    const deduper = createSharedEventDeduper(() => Promise.reject(new Error('connection refused')), { onError: (error) => errors.push(error) });
    expect(await deduper.seen('Ev1')).toBe(false);
    expect(await deduper.seen('Ev1')).toBe(true);
    expect(errors).toHaveLength(2);
  });
});
