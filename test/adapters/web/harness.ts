// The web chat as `npm start` wires it, on port 0: the real core over the real knowledge, SQLite storage in
// a temporary directory, the web adapter on the service host, and the notice scheduler delivering to the
// inbox, all on a fake clock.
import { createServiceHost, type ServiceHost } from '../../../adapters/server.js';
import { createWebAdapter } from '../../../adapters/web/app.js';
import { createWebNoticeDelivery } from '../../../adapters/web/notices.js';
import type { RateLimitOptions } from '../../../adapters/web/rate-limit.js';
import type { WebChatConfig } from '../../../src/config.js';
import { createCore, type Core } from '../../../src/core.js';
import { createLogger } from '../../../src/logger.js';
import { createNoticeScheduler, type NoticeScheduler } from '../../../src/notices/scheduler.js';
import { openSqliteStorage } from '../../../src/storage/sqlite.js';
import type { Storage } from '../../../src/storage/storage.js';
import { createFakeClock, tempDataDir, ZONE, type FakeClock } from '../../notices/helpers.js';

export interface WebHarness {
  base: string;
  clock: FakeClock;
  core: Core;
  storage: Storage;
  scheduler: NoticeScheduler;
  host: ServiceHost;
  close(): Promise<void>;
}

/** Starts the web chat; `close()` stops it and removes its data. */
export async function startWebChat(options: { now?: string; web?: Partial<WebChatConfig>; rateLimit?: RateLimitOptions } = {}): Promise<WebHarness> {
  const clock = createFakeClock(options.now ?? '2027-02-01T10:00:00Z');
  const temp = tempDataDir();
  const storage = openSqliteStorage(temp.dir);
  const logger = createLogger('silent');
  const core = createCore({ knowledgeDir: 'knowledge', storage, clock, noticeTimezone: ZONE, feedback: { admins: ['slack:UADMIN'], retentionDays: 90, salt: 'test-salt' }, logger });
  const adapter = createWebAdapter({
    config: { enabled: true, origins: [], ...options.web },
    assistant: core.assistant,
    knowledge: core.knowledge,
    storage,
    clock,
    zone: ZONE,
    logger,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  });
  const host = createServiceHost({ adapters: [adapter], logger });
  const port = await host.listen(0, '127.0.0.1');
  const scheduler = createNoticeScheduler({
    storage,
    knowledge: core.knowledge,
    deadlines: core.deadlines,
    deliveries: { web: createWebNoticeDelivery(storage, clock) },
    clock,
    zone: ZONE,
    intervalMs: 60_000,
    logger,
  });
  return {
    base: `http://127.0.0.1:${port}`,
    clock,
    core,
    storage,
    scheduler,
    host,
    async close() {
      await host.close();
      await storage.close();
      temp.cleanup();
    },
  };
}
