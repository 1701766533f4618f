// Deadline notices in the service: the deliveries of the configured platforms (shared with
// `npm run notices -- --send`, so that both deliver exactly the same way) and the scheduler that
// `npm start` runs from listen to shutdown.
import type { Config } from '../src/config.js';
import type { Core } from '../src/core.js';
import type { Platform } from '../src/input.js';
import type { Logger } from '../src/logger.js';
import { systemClock } from '../src/notices/clock.js';
import type { NoticeDelivery } from '../src/notices/delivery.js';
import { createNoticeScheduler, type NoticeScheduler } from '../src/notices/scheduler.js';
import type { Storage } from '../src/storage/storage.js';

/** One delivery per platform that this config turns on. */
export function createNoticeDeliveries(_config: Readonly<Config>, _storage: Storage, _logger: Logger): Partial<Record<Platform, NoticeDelivery>> {
  return {};
}

/** Starts the notice scheduler of the service; `stop()` waits for a running tick. */
export function startNotices(config: Readonly<Config>, core: Core, storage: Storage, logger: Logger): NoticeScheduler {
  const deliveries = createNoticeDeliveries(config, storage, logger);
  const scheduler = createNoticeScheduler({
    storage,
    knowledge: core.knowledge,
    deadlines: core.deadlines,
    deliveries,
    clock: systemClock,
    zone: config.noticeTimezone,
    intervalMs: config.schedulerIntervalSeconds * 1000,
    logger: logger.child({ module: 'notices' }),
  });
  scheduler.start();
  logger.info({ platforms: Object.keys(deliveries), intervalSeconds: config.schedulerIntervalSeconds, zone: config.noticeTimezone }, 'notice scheduler started');
  return scheduler;
}
