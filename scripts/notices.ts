// `npm run notices -- --at <ISO time> [--send]`: lists the notices due at that moment as JSON lines
// (platform, channel, deadlineId, dueAt, reminderDays, text) without changing anything. With --send it
// delivers them as the scheduler does, recorded in the outbox, so that they never go twice. It reads the
// same DATA_DIR, knowledge and platform configuration as `npm start`.
import { parseArgs } from 'node:util';
import { createNoticeDeliveries } from '../adapters/notices.js';
import { exitOnStartupError } from '../adapters/console/startup.js';
import { loadConfig } from '../src/config.js';
import { createCore } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import { fixedClock } from '../src/notices/clock.js';
import { createNoticeScheduler } from '../src/notices/scheduler.js';
import { toPlainText } from '../src/plain-text.js';
import { openStorage } from '../src/storage/open.js';
import { StorageError, type Storage } from '../src/storage/storage.js';

const USAGE = 'usage: npm run notices -- [--at <ISO time, e.g. 2027-02-26T09:00:00+01:00>] [--send]';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { at: { type: 'string' }, send: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const at = values.at === undefined ? new Date() : new Date(values.at);
  if (Number.isNaN(at.getTime())) {
    process.stderr.write(`--at: "${values.at}" is not an ISO date-time.\n${USAGE}\n`);
    process.exit(2);
  }

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    return exitOnStartupError(error);
  }
  // Logs go to stderr: stdout carries only the JSON lines.
  const logger = createLogger(config.logLevel, process.stderr);
  let storage: Storage;
  try {
    storage = await openStorage(config, { readonly: !values.send });
  } catch (error) {
    if (error instanceof StorageError && error.code === 'STORAGE_MISSING') {
      process.stderr.write(`${error.message} No notices are due.\n`);
      return;
    }
    return exitOnStartupError(error);
  }
  let core: ReturnType<typeof createCore>;
  try {
    core = createCore({ knowledgeDir: config.knowledgeDir, storage, noticeTimezone: config.noticeTimezone });
  } catch (error) {
    return exitOnStartupError(error);
  }

  const scheduler = createNoticeScheduler({
    storage,
    knowledge: core.knowledge,
    deadlines: core.deadlines,
    deliveries: createNoticeDeliveries({ config, core, storage, logger }),
    clock: fixedClock(at),
    zone: config.noticeTimezone,
    intervalMs: config.schedulerIntervalSeconds * 1000,
    logger,
  });
  for (const notice of await scheduler.preview(at)) {
    const { reply, ...fields } = notice;
    process.stdout.write(`${JSON.stringify({ ...fields, text: toPlainText(reply) })}\n`);
  }
  if (values.send) {
    const report = await scheduler.tick();
    process.stderr.write(`${JSON.stringify(report)}\n`);
    if (report.failed > 0) process.exitCode = 1;
  }
  await storage.close();
}

main().catch((error: unknown) => exitOnStartupError(error));
