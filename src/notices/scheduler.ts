// The notice scheduler: runs in the service and, every interval, finds the notices that are due, claims each
// in the outbox, delivers it and records the outcome. A notice is identified by (subscription, deadline,
// reminder), so it is sent once across restarts and replicas.
//
// What happens when the process stops mid-way:
// - A claim is an INSERT that does nothing when the row exists, so two replicas never both own a notice.
// - The row goes `claimed` → `sending` just before the platform call → `sent` / `retry` / `gone` / `failed`.
// - A stale `claimed` row (its owner stopped before calling the platform) is taken over and sent: nothing
//   went out yet, so this cannot repeat a notice.
// - A stale `sending` row means the process stopped during the call or before recording it: the message may
//   or may not have gone out. Slack and Teams have no idempotency key for posts. When the delivery can check
//   the channel (`confirm`), its answer decides. Otherwise the notice is sent again, its title marked as a
//   repeat: a notice seen twice is better than a deadline nobody was told about.
// - A notice missed while the service was down is sent late, with a note, as long as its deadline has not passed.
//
// Two clocks: `clock` is the moment the notices are for (what is due, what the text says); `wallClock` runs
// the leases, retries and records. They differ only in `npm run notices -- --at`, so that the recovery of an
// interrupted run does not depend on the moment the next run looks at.
// - Every replica may run the scheduler. Each waits the interval give or take a random part (`jitter`)
//   between ticks, so that replicas started together drift apart instead of all claiming at the same second.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Platform } from '../input.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Lang } from '../knowledge/schema.js';
import type { Logger } from '../logger.js';
import type { NoticeReply } from '../reply.js';
import type { ChannelRef, ClaimHolder, NoticeKey, OutboxRecord, Storage } from '../storage/storage.js';
import { dayIn, daysBetween } from './dates.js';
import type { CallDeadline } from './deadlines.js';
import type { DeliveryResult, NoticeDelivery } from './delivery.js';
import { callItem, projectItems, type DueItem } from './items.js';
import { findDueNotices, LATE_AFTER_MS, type DueNotice } from './reminders.js';
import { noticeReply } from './replies.js';

export interface SchedulerOptions {
  storage: Storage;
  knowledge: Knowledge;
  deadlines: readonly CallDeadline[];
  /** One delivery per configured platform; notices for other platforms wait until it is configured. */
  deliveries: Partial<Record<Platform, NoticeDelivery>>;
  clock: Clock;
  /** The real time, for leases, retries and records; `clock` when left out. */
  wallClock?: Clock;
  zone: string;
  intervalMs: number;
  logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  /** Identifies this process in the outbox; unique per replica. */
  owner?: string;
  /** How long a claim holds; longer than any platform call can take. */
  leaseMs?: number;
  maxAttempts?: number;
  /** First retry delay; it doubles with each attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Notices sent in parallel. */
  concurrency?: number;
  /** The wait between ticks varies by up to this fraction of `intervalMs` (at most 0.5), either way; 0.2 by default. */
  jitter?: number;
  /** Uniform in [0, 1); injectable for tests. */
  random?: () => number;
}

/** What one tick did. */
export interface TickReport {
  due: number;
  sent: number;
  retrying: number;
  gone: number;
  failed: number;
  expired: number;
  /** Interrupted sends that the platform could not confirm, sent again as a repeat. */
  repeated: number;
}

/** A notice as `npm run notices` lists it. */
interface NoticePreview {
  platform: Platform;
  channel: string;
  deadlineId: string;
  dueAt: string;
  reminderDays: number;
  reply: NoticeReply;
}

export interface NoticeScheduler {
  /** One pass: stale claims, due retries, then new notices. */
  tick(): Promise<TickReport>;
  /** The search of one tick: the new notices due at `now` for the configured platforms (reads only). */
  findDue(now: Date): Promise<DueNotice[]>;
  /** The notices a tick at `now` would send, retries included, without changing anything. */
  preview(now: Date): Promise<NoticePreview[]>;
  start(): void;
  stop(): Promise<void>;
}

/** A notice ready to be delivered: its key, where it goes and what it says. */
interface Job {
  key: NoticeKey;
  ref: ChannelRef;
  item: DueItem;
  sendAt: Date;
  attempt: number;
  /** An earlier send was interrupted and may have arrived: the notice says it is a repeat. */
  repeat: boolean;
}

/** Starts `lastError` of a notice whose send was interrupted and could not be confirmed; kept across its retries. */
const INTERRUPTED = 'interrupted mid-send, not confirmed';

const refOf = (ref: ChannelRef): ChannelRef => ({ platform: ref.platform, channelId: ref.channelId });
const keyOf = (key: NoticeKey): NoticeKey => ({ subscriptionId: key.subscriptionId, deadlineKey: key.deadlineKey, reminderDays: key.reminderDays });
const jobOf = (row: OutboxRecord, item: DueItem): Job => ({
  key: keyOf(row),
  ref: refOf(row),
  item,
  sendAt: row.sendAt,
  attempt: row.attempts + 1,
  repeat: row.lastError?.startsWith(INTERRUPTED) === true,
});

/** Creates the scheduler; nothing runs until `start()` or `tick()`. */
export function createNoticeScheduler(options: SchedulerOptions): NoticeScheduler {
  const { storage, knowledge, deliveries, clock, zone, logger } = options;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoffMs = options.backoffMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 60 * 60_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const calls = options.deadlines.map((deadline) => callItem(deadline, zone));
  const wallClock = options.wallClock ?? clock;
  const holder = (): ClaimHolder => ({ owner, now: wallClock.now() });

  const findDue = async (now: Date): Promise<DueNotice[]> => {
    const [subscriptions, outboxKeys] = await Promise.all([storage.activeSubscriptions(), storage.outboxKeys(now)]);
    return findDueNotices({ subscriptions, calls, outboxKeys, zone, now }).filter((notice) => deliveries[notice.subscription.platform]);
  };

  /** The item an outbox row was about, as it stands now; undefined when its date moved or the project is gone. */
  const itemOf = async (row: OutboxRecord): Promise<DueItem | undefined> => {
    const call = calls.find((item) => item.key === row.deadlineKey);
    if (call) return call;
    const project = row.deadlineId.startsWith('project-') ? await storage.getProject(row) : undefined;
    return project && projectItems(project, zone).find((item) => item.key === row.deadlineKey);
  };

  const replyFor = (job: Pick<Job, 'item' | 'sendAt'> & { repeat?: boolean }, lang: Lang, now: Date): NoticeReply =>
    noticeReply(
      {
        item: job.item,
        sendAt: job.sendAt,
        daysLeft: daysBetween(dayIn(now, zone), job.item.day),
        late: now.getTime() - job.sendAt.getTime() > LATE_AFTER_MS,
        repeat: job.repeat === true,
      },
      { knowledge, zone, now, lang },
    );

  const record = async (job: Job, result: DeliveryResult, report: TickReport): Promise<void> => {
    const done = holder();
    const log = { key: job.key, platform: job.ref.platform, channel: job.ref.channelId, attempt: job.attempt };
    switch (result.status) {
      case 'ok':
        await storage.markSent(job.key, done);
        report.sent += 1;
        logger.info(log, 'notice sent');
        return;
      case 'retry': {
        if (job.attempt >= maxAttempts) {
          await storage.markDone(job.key, done, 'failed', `gave up after ${job.attempt} attempts: ${result.error}`);
          report.failed += 1;
          logger.error({ ...log, error: result.error }, 'notice failed after the last retry');
          return;
        }
        const delay = result.retryAfterMs ?? Math.min(maxBackoffMs, backoffMs * 2 ** (job.attempt - 1));
        const error = job.repeat ? `${INTERRUPTED}; then ${result.error}` : result.error;
        await storage.markRetry(job.key, done, new Date(done.now.getTime() + delay), error);
        report.retrying += 1;
        logger.warn({ ...log, error: result.error, retryInMs: delay }, 'notice will be retried');
        return;
      }
      case 'gone':
        await storage.markDone(job.key, done, 'gone', result.reason);
        await storage.markChannelGone(job.ref, result.reason, done.now);
        report.gone += 1;
        logger.warn({ ...log, reason: result.reason }, 'the bot can no longer post in this channel; its notices are skipped');
        return;
      case 'failed':
        await storage.markDone(job.key, done, 'failed', result.error);
        report.failed += 1;
        logger.error({ ...log, error: result.error }, 'notice failed');
        return;
    }
  };

  /** Delivers a notice this scheduler has claimed. */
  const deliver = async (job: Job, report: TickReport): Promise<void> => {
    const now = clock.now();
    const delivery = deliveries[job.ref.platform];
    const channel = await storage.getChannel(job.ref);
    if (!delivery || !channel || channel.status === 'gone' || job.item.dueAt.getTime() <= now.getTime()) {
      const status = channel?.status === 'gone' ? 'gone' : 'expired';
      await storage.markDone(job.key, holder(), status, status === 'gone' ? 'channel is gone' : 'the deadline passed before the notice could be sent');
      report[status] += 1;
      return;
    }
    const reply = replyFor(job, channel.lang, now);
    if (!(await storage.markSending(job.key, holder()))) return;
    let result: DeliveryResult;
    try {
      result = await delivery.send(job.ref, reply, job.key);
    } catch (error) {
      result = { status: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
    await record(job, result, report);
  };

  /** Rows whose owner stopped: resend what never started; for interrupted sends, ask the platform or send again as a repeat. */
  const recoverStale = async (report: TickReport, jobs: Job[]): Promise<void> => {
    for (const row of await storage.takeOverStale(holder(), leaseMs)) {
      const item = await itemOf(row);
      const job = item && jobOf(row, item);
      if (!job) {
        await storage.markDone(row, holder(), 'expired', 'the deadline moved or the project was removed');
        report.expired += 1;
        continue;
      }
      if (row.status === 'claimed') {
        jobs.push(job);
        continue;
      }
      const check = await deliveries[row.platform]?.confirm?.(refOf(row), keyOf(row), row.claimedAt).catch(() => 'unknown' as const);
      if (check === 'delivered') {
        await storage.markSent(row, holder());
        report.sent += 1;
      } else if (check === 'not-delivered') {
        // The platform confirms nothing went out: a retry that is due now goes through the ordinary claim below.
        await storage.markRetry(row, holder(), holder().now, 'interrupted send was not delivered');
      } else {
        await storage.markRetry(row, holder(), holder().now, `${INTERRUPTED}: sent again as a repeat`);
        report.repeated += 1;
        logger.warn(
          { key: keyOf(row), platform: row.platform, channel: row.channelId },
          'a notice was interrupted mid-send and the platform cannot tell whether it arrived; it is sent again, marked as a repeat',
        );
      }
    }
  };

  const runPool = async (jobs: Job[], report: TickReport): Promise<void> => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const job = jobs[next++];
        if (job) await deliver(job, report);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  };

  const tick = async (): Promise<TickReport> => {
    const report: TickReport = { due: 0, sent: 0, retrying: 0, gone: 0, failed: 0, expired: 0, repeated: 0 };
    const jobs: Job[] = [];
    await recoverStale(report, jobs);
    for (const row of await storage.claimRetries(holder(), leaseMs, 500)) {
      const item = await itemOf(row);
      if (item) jobs.push(jobOf(row, item));
      else {
        await storage.markDone(row, holder(), 'expired', 'the deadline moved or the project was removed');
        report.expired += 1;
      }
    }
    const now = clock.now();
    for (const notice of await findDue(now)) {
      const { key, subscription, item, sendAt } = notice;
      const claimed = await storage.claimNotice(
        { ...key, platform: subscription.platform, channelId: subscription.channelId, deadlineId: item.id, dueAt: item.dueAt, sendAt },
        holder(),
        leaseMs,
      );
      if (claimed) jobs.push({ key, ref: refOf(subscription), item, sendAt, attempt: 1, repeat: false });
    }
    report.due = jobs.length;
    await runPool(jobs, report);
    return report;
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;
  const loop = (): void => {
    running = tick()
      .then((report) => {
        if (report.due > 0 || report.repeated > 0) logger.info({ report }, 'notice tick');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'notice tick failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, nextTickDelay(options.intervalMs, options.jitter ?? 0.2, options.random ?? Math.random));
      });
  };

  return {
    tick,
    findDue,
    async preview(now) {
      const due = await findDue(now);
      const wallNow = wallClock.now().getTime();
      const retries = (await storage.listOutbox({ status: 'retry' })).filter((row) => (row.nextAttemptAt?.getTime() ?? 0) <= wallNow);
      const previews: NoticePreview[] = [];
      for (const notice of due) {
        const lang = notice.subscription.channel.lang;
        previews.push({ ...toPreview(notice.subscription, notice.item, notice.reminderDays), reply: replyFor(notice, lang, now) });
      }
      for (const row of retries) {
        const item = await itemOf(row);
        const channel = await storage.getChannel(row);
        if (item && channel && deliveries[row.platform] && item.dueAt.getTime() > now.getTime()) {
          previews.push({ ...toPreview(row, item, row.reminderDays), reply: replyFor(jobOf(row, item), channel.lang, now) });
        }
      }
      return previews;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** The wait before the next tick: `intervalMs` give or take `jitter × intervalMs` (at most half), at random. */
export function nextTickDelay(intervalMs: number, jitter: number, random: () => number): number {
  const spread = Math.min(Math.max(jitter, 0), 0.5) * intervalMs;
  return Math.round(intervalMs - spread + 2 * spread * random());
}

function toPreview(ref: ChannelRef, item: DueItem, reminderDays: number): Omit<NoticePreview, 'reply'> {
  return { platform: ref.platform, channel: ref.channelId, deadlineId: item.id, dueAt: item.dueAt.toISOString(), reminderDays };
}
