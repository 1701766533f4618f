// Slack request keys claimed through the store: two replicas (two connections to one store) handle a
// request once, and a failing store falls back to this process's memory instead of dropping the request.
import { describe, expect, it } from 'vitest';
import { createStoreClaim } from '../../../adapters/slack/dedupe.js';
import { openSqliteStorage } from '../../../src/storage/sqlite.js';
import { createFakeClock, tempDataDir } from '../../notices/helpers.js';

describe('createStoreClaim', () => {
  it('sees a request handled by another replica of the same store, until the time-to-live passes', async () => {
    const temp = tempDataDir();
    const [a, b] = [openSqliteStorage(temp.dir), openSqliteStorage(temp.dir)];
    const clock = createFakeClock('2026-12-01T10:00:00Z');
    const first = createStoreClaim((...args) => a.claimOnce(...args), { ttlMs: 60_000, clock });
    const second = createStoreClaim((...args) => b.claimOnce(...args), { ttlMs: 60_000, clock });
    expect(await first('event:Ev1')).toBe(true);
    expect(await second('event:Ev1')).toBe(false);
    expect(await first('event:Ev1')).toBe(false);
    expect(await second('trigger:1.2.3')).toBe(true);
    clock.advance(60_000);
    expect(await second('event:Ev1')).toBe(true);
    await Promise.all([a.close(), b.close()]);
    temp.cleanup();
  });

  it('falls back to memory when the store fails, and says so', async () => {
    const errors: unknown[] = [];
    const claim = createStoreClaim(() => Promise.reject(new Error('connection refused')), { onError: (error) => errors.push(error) });
    expect(await claim('event:Ev1')).toBe(true);
    expect(await claim('event:Ev1')).toBe(false);
    expect(errors).toHaveLength(2);
  });
});
