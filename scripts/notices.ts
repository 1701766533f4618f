// `npm run notices -- --at <ISO time> [--send]`: lists the notices due at that moment as JSON lines
// (platform, channel, deadlineId, dueAt, reminderDays, text) without changing anything. With --send it
// delivers them as the scheduler does, recorded in the outbox, so that they never go twice, prints a summary
// and exits 1 when a notice failed, waits for a retry or has an unknown outcome. It reads the same DATA_DIR,
// knowledge and platform configuration as `npm start`. `--at` only picks what is due: leases and retries run
// on the real clock, so an interrupted earlier run is recovered whatever moment this one looks at.
import { parseArgs } from 'node:util';
import { createNoticeDeliveries } from '../adapters/notices.js';
import { createConsoleNoticeDelivery } from '../adapters/console/notices.js';
import { exitOnStartupError } from '../adapters/console/startup.js';
import { fixedClock, systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createCore } from '../src/core.js';
import { createLogger, routeConsoleToLogger } from '../src/logger.js';
import { createNoticeScheduler, type TickReport } from '../src/notices/scheduler.js';
import { toPlainText } from '../src/plain-text.js';
import { openStorage } from '../src/storage/open.js';
import { StorageError, type Storage } from '../src/storage/storage.js';

const USAGE = 'usage: npm run notices -- [--at <ISO time, e.g. 2027-02-26T09:00:00+01:00>] [--send]';
const SUBSCRIBE_HINT = 'No conversation is subscribed yet: type "abonneer" (or "subscribe") in a chat with the bot, e.g. in `npm run chat`, then run this again.';

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
  routeConsoleToLogger(logger.child({ module: 'sdk' }));
  let storage: Storage;
  try {
    storage = await openStorage(config, { readonly: !values.send });
  } catch (error) {
    if (error instanceof StorageError && error.code === 'STORAGE_MISSING') {
      process.stderr.write(`${error.message} No notices are due.\n${SUBSCRIBE_HINT}\n`);
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
    // The terminal conversation of `npm run chat`: with --send its notices are written to stderr.
    deliveries: { ...createNoticeDeliveries({ config, core, storage, logger }), console: createConsoleNoticeDelivery(process.stderr) },
    clock: fixedClock(at),
    wallClock: systemClock,
    zone: config.noticeTimezone,
    intervalMs: config.schedulerIntervalSeconds * 1000,
    logger,
  });
  const due = await scheduler.preview(at);
  for (const notice of due) {
    const { reply, ...fields } = notice;
    process.stdout.write(`${JSON.stringify({ ...fields, text: toPlainText(reply) })}\n`);
  }
  if (due.length === 0) {
    const subscribed = (await storage.activeSubscriptions()).length > 0;
    process.stderr.write(subscribed ? `No notices are due at ${at.toISOString()}.\n` : `${SUBSCRIBE_HINT}\n`);
  }
  if (values.send) {
    const report = await scheduler.tick();
    const outcome = await summarise(storage, report);
    process.stderr.write(`${outcome.line}\n`);
    if (!outcome.ok) process.exitCode = 1;
  }
  await storage.close();
}

/** One line on what this run did and what is still open in the outbox; not ok when a notice is not (yet) delivered. */
async function summarise(storage: Storage, report: TickReport): Promise<{ line: string; ok: boolean }> {
  const now = Date.now();
  const retry = await storage.listOutbox({ status: 'retry' });
  const unknown = (await storage.listOutbox({ status: 'unknown' })).filter((row) => row.dueAt.getTime() > now);
  const next = retry.map((row) => row.nextAttemptAt?.getTime() ?? now).sort((a, b) => a - b)[0];
  const parts = [
    `${report.sent} sent`,
    ...(report.repeated > 0 ? [`${report.repeated} repeated after an interrupted send`] : []),
    `${retry.length} waiting for a retry${next === undefined ? '' : ` (next ${new Date(next).toISOString()}; run again then)`}`,
    `${report.failed} failed`,
    `${unknown.length} unknown`,
    ...(report.gone > 0 ? [`${report.gone} skipped: the bot was removed from the channel`] : []),
    ...(report.expired > 0 ? [`${report.expired} expired: the deadline passed`] : []),
  ];
  const ok = report.failed === 0 && retry.length === 0 && unknown.length === 0;
  return { line: `Notices: ${parts.join(', ')}.${ok ? '' : ' Not everything was delivered; the log lines above say why.'}`, ok };
}

main().catch((error: unknown) => exitOnStartupError(error));
