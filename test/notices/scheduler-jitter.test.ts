// The spread of the scheduler's ticks: replicas wait the interval give or take a random part, so that
// replicas started together do not all wake and claim at the same second.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNoticeScheduler, nextTickDelay } from '../../src/notices/scheduler.js';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/storage.js';
import { createFakeClock, createMemoryLogger, deadlines, knowledge, ZONE } from './helpers.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the wait between scheduler ticks', () => {
  it.each([
    { jitter: 0.2, random: 0, delay: 48_000 },
    { jitter: 0.2, random: 0.5, delay: 60_000 },
    { jitter: 0.2, random: 0.999_999, delay: 72_000 },
    { jitter: 0, random: 0.9, delay: 60_000 },
    { jitter: 5, random: 0, delay: 30_000 },
    { jitter: -1, random: 0.1, delay: 60_000 },
  ])('is $delay ms for jitter $jitter and random $random', ({ jitter, random, delay }) => {
    expect(nextTickDelay(60_000, jitter, () => random)).toBe(delay);
  });

  it('is what a started scheduler waits before its next tick', async () => {
    vi.useFakeTimers();
    const storage = openSqliteStorage(':memory:');
    let ticks = 0;
    const counted: Storage = {
      ...storage,
      takeOverStale: (...args) => {
        ticks += 1;
        return storage.takeOverStale(...args);
      },
    };
    const scheduler = createNoticeScheduler({
      storage: counted,
      knowledge,
      deadlines,
      deliveries: {},
      clock: createFakeClock('2026-11-26T10:00:00Z'),
      zone: ZONE,
      intervalMs: 60_000,
      logger: createMemoryLogger(),
      random: () => 0.25,
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(ticks).toBe(1);
    // 60 s − 12 s + 24 s × 0.25 = 54 s.
    await vi.advanceTimersByTimeAsync(53_999);
    expect(ticks).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ticks).toBe(2);
    await scheduler.stop();
    await storage.close();
  });
});
