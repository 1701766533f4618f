import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryResult, NoticeDelivery } from '../../src/notices/delivery.js';
import { createNoticeScheduler, type SchedulerOptions } from '../../src/notices/scheduler.js';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/storage.js';
import { createFakeClock, createFakeDelivery, createMemoryLogger, deadlines, knowledge, tempDataDir, ZONE, type FakeClock } from './helpers.js';

const C1 = { platform: 'slack' as const, channelId: 'C1' };
/** 1 April 2027 12:00 Brussels: notices 2 March 09:00 CET, 25 March 09:00 CET, 31 March 09:00 CEST. */
const THIRTY_DAYS = '2027-03-02T08:00:00Z';
const SEVEN_DAYS = '2027-03-25T08:00:00Z';
const ONE_DAY = '2027-03-31T07:00:00Z';

let cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function setUp(at = '2026-11-26T10:00:00Z'): { dir: string; storage: Storage; clock: FakeClock } {
  const temp = tempDataDir();
  const storage = openSqliteStorage(temp.dir);
  cleanups.push(temp.cleanup, () => storage.close());
  return { dir: temp.dir, storage, clock: createFakeClock(at) };
}

function scheduler(storage: Storage, clock: FakeClock, delivery: NoticeDelivery, extra: Partial<SchedulerOptions> = {}) {
  const logger = createMemoryLogger();
  const instance = createNoticeScheduler({ storage, knowledge, deadlines, deliveries: { slack: delivery }, clock, zone: ZONE, intervalMs: 60_000, logger, ...extra });
  return Object.assign(instance, { logger });
}

describe('the notice scheduler', () => {
  it('sends a due notice once, with what is due, when, the days left and what is needed', async () => {
    const { storage, clock } = setUp();
    await storage.subscribe(C1, ['calls'], clock.now());
    const delivery = createFakeDelivery();
    const s = scheduler(storage, clock, delivery);

    clock.set('2027-03-02T07:59:00Z');
    expect((await s.tick()).sent).toBe(0);
    clock.set(THIRTY_DAYS);
    expect(await s.tick()).toMatchObject({ due: 1, sent: 1 });
    expect(await s.tick()).toMatchObject({ due: 0, sent: 0 });

    const [sent] = delivery.sent;
    expect(sent?.target).toEqual(C1);
    expect(sent?.key).toEqual({ subscriptionId: 'slack:C1:calls', deadlineKey: 'ka220-vet-2027@2027-04-01', reminderDays: 30 });
    expect(sent?.notice).toMatchObject({
      kind: 'notice',
      lang: 'nl',
      deadlineId: 'ka220-vet-2027',
      title: 'Nog 30 dagen: KA220-VET: deadline call 2027',
      due: 'Uiterlijk donderdag 1 april 2027, 12:00 uur (Brusselse tijd), nog 30 dagen.',
      daysLeft: 30,
      late: undefined,
    });
    expect(sent?.notice.body).toBe('**Wat je nodig hebt: Projectpartners zoeken**\nBezoek een **contactseminar** of kijk op eTwinning en LinkedIn.');
    expect(sent?.notice.followUps[0]).toEqual({ label: 'Wat heb ik nodig?', action: 'entry:partner-search' });
    expect((await storage.listOutbox()).map((row) => [row.status, row.attempts])).toEqual([['sent', 1]]);
  });

  it('sends nothing twice after a restart on the same database file', async () => {
    const { dir, storage, clock } = setUp();
    await storage.subscribe(C1, ['calls'], clock.now());
    const delivery = createFakeDelivery();
    clock.set(THIRTY_DAYS);
    await scheduler(storage, clock, delivery, { owner: 'before' }).tick();
    await storage.close();

    const reopened = openSqliteStorage(dir);
    cleanups.push(() => reopened.close());
    const after = scheduler(reopened, clock, delivery, { owner: 'after' });
    await after.tick();
    clock.advance(3_600_000);
    await after.tick();
    clock.set(SEVEN_DAYS);
    await after.tick();
    await after.tick();
    expect(delivery.sent.map((n) => n.key.reminderDays)).toEqual([30, 7]);
  });

  it('sends each notice once when two replicas tick at the same moment on one file', async () => {
    const { dir, storage, clock } = setUp();
    const channels = Array.from({ length: 25 }, (_, i) => ({ platform: 'slack' as const, channelId: `C${i}` }));
    for (const channel of channels) await storage.subscribe(channel, ['calls'], clock.now());
    const other = openSqliteStorage(dir);
    cleanups.push(() => other.close());
    const slow = (sent: string[]): NoticeDelivery => ({
      async send(target) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        sent.push(target.channelId);
        return { status: 'ok' };
      },
    });
    const sentA: string[] = [];
    const sentB: string[] = [];
    clock.set(SEVEN_DAYS);
    await Promise.all([scheduler(storage, clock, slow(sentA), { owner: 'a' }).tick(), scheduler(other, clock, slow(sentB), { owner: 'b' }).tick()]);
    const all = [...sentA, ...sentB];
    expect(all.length).toBe(25);
    expect(new Set(all).size).toBe(25);
  });

  it('sends a missed notice late, with a note, and only the most recent one', async () => {
    const { storage, clock } = setUp();
    await storage.subscribe(C1, ['calls'], clock.now());
    const delivery = createFakeDelivery();
    clock.set('2027-03-26T10:00:00Z');
    await scheduler(storage, clock, delivery).tick();
    expect(delivery.sent.map((n) => [n.key.reminderDays, n.notice.daysLeft])).toEqual([[7, 6]]);
    expect(delivery.sent[0]?.notice.late).toBe('Dit bericht komt later dan gepland (het stond op donderdag 25 maart 2027, 09:00).');
  });

  it('retries 429, 5xx and network errors with backoff, honouring Retry-After', async () => {
    const { storage, clock } = setUp();
    await storage.subscribe(C1, ['calls'], clock.now());
    const delivery = createFakeDelivery([
      { status: 'retry', error: 'ratelimited', retryAfterMs: 120_000 },
      new Error('ECONNRESET'),
      { status: 'retry', error: 'HTTP 503' },
    ]);
    const s = scheduler(storage, clock, delivery, { backoffMs: 30_000 });
    clock.set(ONE_DAY);
    expect(await s.tick()).toMatchObject({ retrying: 1 });
    clock.advance(119_000);
    await s.tick();
    expect(delivery.attempts).toBe(1);
    clock.advance(1_000);
    await s.tick(); // attempt 2: network error → 60 s (second backoff step)
    clock.advance(59_000);
    await s.tick();
    expect(delivery.attempts).toBe(2);
    clock.advance(1_000);
    await s.tick(); // attempt 3: 503 → 120 s
    clock.advance(120_000);
    await s.tick(); // attempt 4: ok
    expect(delivery.attempts).toBe(4);
    expect(delivery.sent.length).toBe(1);
    expect((await storage.listOutbox()).map((row) => [row.status, row.attempts])).toEqual([['sent', 4]]);
  });

  it('gives up after the last attempt, and drops a retry once the deadline has passed', async () => {
    const { storage, clock } = setUp();
    await storage.subscribe(C1, ['calls'], clock.now());
    const failing: NoticeDelivery = { send: async (): Promise<DeliveryResult> => ({ status: 'retry', error: 'HTTP 500' }) };
    const s = scheduler(storage, clock, failing, { maxAttempts: 2, backoffMs: 1_000 });
    clock.set(ONE_DAY);
    await s.tick();
    clock.advance(1_000);
    await s.tick();
    expect((await storage.listOutbox()).map((row) => [row.status, row.attempts])).toEqual([['failed', 2]]);

    const { storage: second, clock: clock2 } = setUp();
    await second.subscribe(C1, ['calls'], clock2.now());
    const late = scheduler(second, clock2, failing, { backoffMs: 3 * 3_600_000 });
    clock2.set('2027-03-31T09:00:00Z');
    await late.tick();
    clock2.set('2027-04-01T12:00:00Z');
    expect(await late.tick()).toMatchObject({ expired: 1, sent: 0 });
    expect((await second.listOutbox())[0]?.status).toBe('expired');
  });

  it('marks a channel that removed the bot and skips it until it subscribes again', async () => {
    const { storage, clock } = setUp();
    await storage.subscribe(C1, ['calls'], clock.now());
    const delivery = createFakeDelivery([{ status: 'gone', reason: 'channel_not_found' }]);
    const s = scheduler(storage, clock, delivery);
    clock.set(THIRTY_DAYS);
    expect(await s.tick()).toMatchObject({ gone: 1 });
    expect(await storage.getChannel(C1)).toMatchObject({ status: 'gone', statusReason: 'channel_not_found' });
    clock.set(SEVEN_DAYS);
    await s.tick();
    expect(delivery.attempts).toBe(1);
    expect(s.logger.lines.some((line) => line.level === 'warn' && /no longer post/.test(line.msg))).toBe(true);

    await storage.markChannelActive(C1, clock.now());
    await s.tick();
    expect(delivery.sent.map((n) => n.key.reminderDays)).toEqual([7]);
  });

  it('leaves notices for a platform that is not configured waiting', async () => {
    const { storage, clock } = setUp();
    await storage.subscribe({ platform: 'teams', channelId: '19:x' }, ['calls'], clock.now());
    clock.set(THIRTY_DAYS);
    expect(await scheduler(storage, clock, createFakeDelivery()).tick()).toMatchObject({ due: 0 });
    expect(await storage.listOutbox()).toEqual([]);
  });

  it('previews the due notices without changing anything', async () => {
    const { storage, clock } = setUp();
    await storage.subscribe(C1, ['calls'], clock.now());
    const delivery = createFakeDelivery();
    const s = scheduler(storage, clock, delivery);
    const previews = await s.preview(new Date(SEVEN_DAYS));
    expect(previews.map((p) => [p.platform, p.channel, p.deadlineId, p.dueAt, p.reminderDays])).toEqual([['slack', 'C1', 'ka220-vet-2027', '2027-04-01T10:00:00.000Z', 7]]);
    expect(await storage.listOutbox()).toEqual([]);
    expect(delivery.attempts).toBe(0);
  });
});

describe('a scheduler killed between the send and the record', () => {
  function killMidSend(dir: string, sentFile: string, at: string) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/notices/kill-after-send.ts', dir, sentFile, at], { encoding: 'utf8' });
    expect(child.signal, child.stderr).toBe('SIGKILL');
  }

  it('sends the notice again, marked as a repeat, when the platform cannot tell, and says so', async () => {
    const { dir, storage, clock } = setUp();
    await storage.subscribe(C1, ['calls'], clock.now());
    const sentFile = join(dir, 'sent.jsonl');
    killMidSend(dir, sentFile, SEVEN_DAYS);
    expect(readFileSync(sentFile, 'utf8').trim().split('\n')).toHaveLength(1);
    expect((await storage.listOutbox()).map((row) => [row.status, row.owner])).toEqual([['sending', 'killed']]);

    const delivery = createFakeDelivery();
    const s = scheduler(storage, clock, delivery, { owner: 'restarted' });
    clock.set('2027-03-25T08:00:30Z');
    await s.tick();
    expect((await storage.listOutbox())[0]?.status).toBe('sending');
    clock.set('2027-03-25T08:01:01Z');
    expect(await s.tick()).toMatchObject({ repeated: 1, sent: 1 });
    expect(delivery.sent.map((n) => [n.key.reminderDays, n.notice.title])).toEqual([[7, 'Nog 7 dagen: KA220-VET: deadline call 2027 (herhaling, voor het geval je hem gemist hebt)']]);
    expect((await storage.listOutbox()).map((row) => [row.status, row.attempts])).toEqual([['sent', 2]]);
    expect(s.logger.lines.some((line) => line.level === 'warn' && /interrupted mid-send.*sent again, marked as a repeat/.test(line.msg))).toBe(true);

    clock.set(ONE_DAY);
    await s.tick();
    expect(delivery.sent.map((n) => [n.key.reminderDays, n.notice.title.endsWith(')')])).toEqual([
      [7, true],
      [1, false],
    ]);
  });

  it('keeps the repeat mark when the repeat itself has to wait for a retry', async () => {
    const { dir, storage, clock } = setUp();
    await storage.subscribe(C1, ['calls'], clock.now());
    await storage.saveChannelSettings(C1, { lang: 'en' }, clock.now());
    killMidSend(dir, join(dir, 'sent.jsonl'), SEVEN_DAYS);
    const delivery = createFakeDelivery([{ status: 'retry', error: 'HTTP 503' }]);
    const s = scheduler(storage, clock, delivery, { backoffMs: 1_000 });
    clock.set('2027-03-25T08:02:00Z');
    expect(await s.tick()).toMatchObject({ repeated: 1, retrying: 1 });
    expect((await storage.listOutbox())[0]?.lastError).toMatch(/^interrupted mid-send, not confirmed; then HTTP 503/);
    clock.advance(5_000);
    expect(await s.tick()).toMatchObject({ sent: 1 });
    expect(delivery.sent.map((n) => n.notice.title)).toEqual(['7 days left: KA220-VET: 2027 call deadline (repeat, in case you missed it)']);
  });

  it.each([
    ['delivered', 0, 'sent'],
    ['not-delivered', 1, 'sent'],
  ] as const)('asks a platform that can tell: %s → sent %i more time(s)', async (check, resent, status) => {
    const { dir, storage, clock } = setUp();
    await storage.subscribe(C1, ['calls'], clock.now());
    killMidSend(dir, join(dir, 'sent.jsonl'), SEVEN_DAYS);
    const delivery = Object.assign(createFakeDelivery(), { confirm: async () => check });
    clock.set('2027-03-25T08:02:00Z');
    await scheduler(storage, clock, delivery).tick();
    expect(delivery.sent.length).toBe(resent);
    expect((await storage.listOutbox()).map((row) => row.status)).toEqual([status]);
    expect(existsSync(join(dir, 'sent.jsonl'))).toBe(true);
  });
});
