// The scheduler on several replicas, on both backends (PostgreSQL when DATABASE_URL is set): two
// schedulers on two connections to one store, as two replicas run them.
import { describe, expect, it } from 'vitest';
import type { NoticeDelivery } from '../../src/notices/delivery.js';
import { createNoticeScheduler } from '../../src/notices/scheduler.js';
import type { Storage } from '../../src/storage/storage.js';
import { BACKENDS, POSTGRES_SKIP } from '../storage/open.js';
import { createFakeClock, createMemoryLogger, deadlines, knowledge, ZONE, type FakeClock } from './helpers.js';

/** 30 days before the KA220-VET 2027 deadline of the fixture deadlines, 09:00 Brussels. */
const THIRTY_DAYS = '2027-03-02T08:00:00Z';
const LEASE_MS = 60_000;

const recording = (sent: string[], pause = 2): NoticeDelivery => ({
  async send(target, _notice, key) {
    await new Promise((resolve) => setTimeout(resolve, pause));
    sent.push(`${target.channelId}|${key.deadlineKey}|${key.reminderDays}`);
    return { status: 'ok' };
  },
});

const schedulerOn = (storage: Storage, clock: FakeClock, delivery: NoticeDelivery, owner: string) =>
  createNoticeScheduler({ storage, knowledge, deadlines, deliveries: { slack: delivery }, clock, zone: ZONE, intervalMs: 60_000, logger: createMemoryLogger(), owner, leaseMs: LEASE_MS });

for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`two schedulers on one ${backend.name} store${skip ? ` (skipped: ${POSTGRES_SKIP})` : ''}`, () => {
    it('send each notice once when they tick at the same moment', async () => {
      const { storage, another } = await backend.open();
      const other = await another();
      const clock = createFakeClock('2026-11-26T10:00:00Z');
      const channels = Array.from({ length: 30 }, (_, i) => ({ platform: 'slack' as const, channelId: `C${i}` }));
      for (const channel of channels) await storage.subscribe(channel, ['calls'], clock.now());
      clock.set(THIRTY_DAYS);
      const sentA: string[] = [];
      const sentB: string[] = [];
      const [a, b] = [schedulerOn(storage, clock, recording(sentA), 'a'), schedulerOn(other, clock, recording(sentB), 'b')];
      const reports = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      const all = [...sentA, ...sentB];
      expect(all.length).toBeGreaterThan(0);
      expect(new Set(all).size).toBe(all.length);
      expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(all.length);
      // Every notice due now went out: a third tick on either finds nothing left.
      expect(await a.findDue(clock.now())).toEqual([]);
      expect(await b.findDue(clock.now())).toEqual([]);
      expect((await storage.listOutbox({ limit: 1000 })).every((row) => row.status === 'sent')).toBe(true);
    });

    it('let the other send a notice that a stopped replica claimed and never sent, once its lease ran out', async () => {
      const { storage, another } = await backend.open();
      const other = await another();
      const clock = createFakeClock('2026-11-26T10:00:00Z');
      const C1 = { platform: 'slack' as const, channelId: 'C1' };
      await storage.subscribe(C1, ['calls'], clock.now());
      clock.set(THIRTY_DAYS);
      // The replica that stops: it claims what is due and goes away before the platform call.
      const stopped = schedulerOn(storage, clock, recording([]), 'stopped');
      const due = await stopped.findDue(clock.now());
      expect(due.length).toBeGreaterThan(0);
      for (const notice of due) {
        const { key, subscription, item, sendAt } = notice;
        const claim = { ...key, platform: subscription.platform, channelId: subscription.channelId, deadlineId: item.id, dueAt: item.dueAt, sendAt };
        expect(await storage.claimNotice(claim, { owner: 'stopped', now: clock.now() }, LEASE_MS)).toBe(true);
      }
      await storage.close();

      const sent: string[] = [];
      const survivor = schedulerOn(other, clock, recording(sent), 'survivor');
      expect(await survivor.tick()).toMatchObject({ due: 0, sent: 0 });
      clock.advance(LEASE_MS + 1_000);
      expect(await survivor.tick()).toMatchObject({ due: due.length, sent: due.length });
      expect(await survivor.tick()).toMatchObject({ due: 0, sent: 0 });
      expect(sent).toHaveLength(due.length);
      expect((await other.listOutbox()).map((row) => [row.status, row.owner])).toEqual(due.map(() => ['sent', 'survivor']));
    });
  });
}
