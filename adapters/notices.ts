// The notice deliveries of the configured platforms, shared by the service (`npm start`) and
// `npm run notices -- --send`, so that both deliver exactly the same way.
import type { Config } from '../src/config.js';
import type { Platform } from '../src/input.js';
import type { Logger } from '../src/logger.js';
import type { NoticeDelivery } from '../src/notices/delivery.js';
import type { Storage } from '../src/storage/storage.js';

/** One delivery per platform that this config turns on. */
export function createNoticeDeliveries(_config: Readonly<Config>, _storage: Storage, _logger: Logger): Partial<Record<Platform, NoticeDelivery>> {
  return {};
}
