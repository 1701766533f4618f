// The retention purge: once a day, question texts (with their nearest entries) and the hashes of votes
// older than RETENTION_DAYS are deleted. The counts stay, without anything that points to a person or
// their words. The day is measured on the injected clock, so tests run it on a fake one.
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { FeedbackStorage, PurgeResult } from '../storage/feedback.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionPurgeOptions {
  storage: Pick<FeedbackStorage, 'purgeFeedback'>;
  clock: Clock;
  /** config.retentionDays. */
  retentionDays: number;
  logger: Pick<Logger, 'info' | 'error'>;
  /** Time between purges, by the clock; a day. */
  everyMs?: number;
  /** How often the timer asks whether a purge is due. */
  checkMs?: number;
}

export interface RetentionPurge {
  /** Purges when the last purge is `everyMs` ago (or none ran yet); undefined when it was not due. */
  tick(): Promise<PurgeResult | undefined>;
  /** Purges now, whenever the last one ran. */
  purge(): Promise<PurgeResult>;
  start(): void;
  stop(): Promise<void>;
}

/** Creates the purge; nothing runs until `start()` or `tick()`. */
export function createRetentionPurge(options: RetentionPurgeOptions): RetentionPurge {
  const { storage, clock, retentionDays, logger } = options;
  const everyMs = options.everyMs ?? DAY_MS;
  const checkMs = options.checkMs ?? 60 * 60 * 1000;
  let last: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  const purge = async (): Promise<PurgeResult> => {
    const now = clock.now();
    const result = await storage.purgeFeedback(new Date(now.getTime() - retentionDays * DAY_MS));
    last = now.getTime();
    if (result.questions > 0 || result.votes > 0 || result.languages > 0) logger.info({ ...result, retentionDays }, 'feedback older than the retention period deleted');
    return result;
  };

  const tick = async (): Promise<PurgeResult | undefined> => {
    if (last !== undefined && clock.now().getTime() - last < everyMs) return undefined;
    return purge();
  };

  const run = (): void => {
    running = tick().catch((error: unknown) => logger.error({ err: error, code: 'RETENTION_PURGE_FAILED' }, 'feedback retention purge failed'));
  };

  return {
    tick,
    purge,
    start() {
      if (timer) return;
      run();
      timer = setInterval(run, checkMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
