// Deadline notices in the service: the deliveries of the configured platforms (shared with
// `npm run notices -- --send`, so that both deliver exactly the same way) and the scheduler that
// `npm start` runs from listen to shutdown.
import { systemClock, type Clock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import type { Core } from '../src/core.js';
import type { Platform } from '../src/input.js';
import type { Logger } from '../src/logger.js';
import type { NoticeDelivery } from '../src/notices/delivery.js';
import { createNoticeScheduler, type NoticeScheduler } from '../src/notices/scheduler.js';
import type { Storage } from '../src/storage/storage.js';
import type { SlackAdapter } from './slack/app.js';
import { createSlackWebClient } from './slack/client.js';
import { createSlackNoticeDelivery } from './slack/notices.js';
import { createTeamsAdapter, type TeamsAdapter } from './teams/app.js';
import { createTeamsNoticeDelivery } from './teams/notices.js';
import { createWebNoticeDelivery } from './web/notices.js';

export interface NoticeSurfaces {
  config: Readonly<Config>;
  core: Core;
  storage: Storage;
  logger: Logger;
  /** The mounted adapters; without them (the notices script) a client is created just for sending. */
  teams?: TeamsAdapter;
  slack?: SlackAdapter;
}

/** One delivery per platform that this config turns on. */
export function createNoticeDeliveries(surfaces: NoticeSurfaces): Partial<Record<Platform, NoticeDelivery>> {
  const { config, core, storage, logger } = surfaces;
  // Teams is always on: without MicrosoftAppId it talks to the Bot Framework Emulator on this machine.
  const teams = surfaces.teams ?? createTeamsAdapter({ config: config.teams, assistant: core.assistant, logger });
  const deliveries: Partial<Record<Platform, NoticeDelivery>> = { teams: createTeamsNoticeDelivery(teams, storage) };
  if (config.slack) {
    const client = surfaces.slack?.client ?? createSlackWebClient(config.slack.botToken, { apiUrl: config.slack.apiUrl });
    deliveries.slack = createSlackNoticeDelivery(client);
  }
  if (config.web.enabled) deliveries.web = createWebNoticeDelivery(storage, systemClock);
  return deliveries;
}

/** Starts the notice scheduler of the service; `stop()` waits for a running tick. */
export function startNotices(surfaces: NoticeSurfaces, clock: Clock = systemClock): NoticeScheduler {
  const { config, core, storage, logger } = surfaces;
  const deliveries = createNoticeDeliveries(surfaces);
  const scheduler = createNoticeScheduler({
    storage,
    knowledge: core.knowledge,
    deadlines: core.deadlines,
    deliveries,
    clock,
    zone: config.noticeTimezone,
    intervalMs: config.schedulerIntervalSeconds * 1000,
    logger: logger.child({ module: 'notices' }),
  });
  scheduler.start();
  logger.info({ platforms: Object.keys(deliveries), intervalSeconds: config.schedulerIntervalSeconds, zone: config.noticeTimezone }, 'notice scheduler started');
  return scheduler;
}
