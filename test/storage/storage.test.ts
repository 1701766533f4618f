// The behaviour of the storage, the same for both backends: SQLite always, PostgreSQL when DATABASE_URL is
// set. "Another connection" is what a second replica opens: a second handle to the same file or database.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../src/storage/migrations.js';
import { toNoticeKeyString, type NoticeClaim } from '../../src/storage/storage.js';
import { BACKENDS, POSTGRES_SKIP } from './open.js';

const ref = { platform: 'slack' as const, channelId: 'C1' };
const at = (iso: string) => new Date(iso);
const claim: NoticeClaim = {
  subscriptionId: 'slack:C1:calls',
  deadlineKey: 'ka220-vet-2027@2027-04-01',
  reminderDays: 7,
  platform: 'slack',
  channelId: 'C1',
  deadlineId: 'ka220-vet-2027',
  dueAt: at('2027-04-01T10:00:00Z'),
  sendAt: at('2027-03-25T08:00:00Z'),
};

for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`the ${backend.name} storage${skip ? ` (skipped: ${POSTGRES_SKIP})` : ''}`, () => {
    const open = async () => backend.open();

    it('applies only the migrations a database lacks, so a later feature can append one', async () => {
      const { storage, another } = await open();
      await storage.subscribe(ref, ['calls'], at('2026-11-26T10:00:00Z'));
      await storage.close();
      const verdicts = 'verdicts (id INTEGER PRIMARY KEY, verdict TEXT NOT NULL)';
      const next: Migration[] = [
        ...MIGRATIONS,
        { version: MIGRATIONS.length + 1, name: 'verdicts', sqlite: `CREATE TABLE ${verdicts};`, postgres: `CREATE TABLE ${verdicts};` },
      ];
      const reopened = await another({ migrations: next });
      expect((await reopened.listSubscriptions(ref)).map((s) => s.topic)).toEqual(['calls']);
      // Opening again with the same list changes nothing (the new table would already exist).
      await expect(another({ migrations: next })).resolves.toBeDefined();
      // A build that knows fewer migrations than the database refuses to run on it.
      await expect(another({ migrations: MIGRATIONS })).rejects.toMatchObject({ code: 'STORAGE_SCHEMA_TOO_NEW' });
    });

    it('keeps channel settings, subscriptions with their first date, projects and conversation references', async () => {
      const { storage } = await open();
      await storage.subscribe(ref, ['calls'], at('2026-11-01T10:00:00Z'));
      await storage.subscribe(ref, ['calls', 'project'], at('2026-11-20T10:00:00Z'));
      const saved = await storage.saveChannelSettings(ref, { lang: 'en', reminderDays: [14, 3] }, at('2026-11-20T10:00:00Z'));
      expect(saved).toMatchObject({ lang: 'en', reminderDays: [14, 3], reminderTime: '09:00', status: 'active' });
      await storage.saveProject(ref, { name: 'Groen', start: '2025-09-01', end: '2027-08-31', interim: undefined, finalReport: undefined }, at('2026-11-20T10:00:00Z'));
      await storage.saveConversationReference({ platform: 'teams', channelId: '19:abc' }, { serviceUrl: 'https://smba.example/', conversation: { id: '19:abc' } }, at('2026-11-20T10:00:00Z'));

      const subs = await storage.activeSubscriptions();
      expect(subs.map((s) => [s.id, s.since.toISOString(), s.channel.lang, s.channel.reminderDays, s.project?.name])).toEqual([
        ['slack:C1:calls', '2026-11-01T10:00:00.000Z', 'en', [14, 3], undefined],
        ['slack:C1:project', '2026-11-20T10:00:00.000Z', 'en', [14, 3], 'Groen'],
      ]);
      expect(await storage.getProject(ref)).toEqual({ name: 'Groen', start: '2025-09-01', end: '2027-08-31', interim: undefined, finalReport: undefined });
      expect(await storage.getConversationReference({ platform: 'teams', channelId: '19:abc' })).toEqual({ serviceUrl: 'https://smba.example/', conversation: { id: '19:abc' } });
      expect(await storage.getConversationReference({ platform: 'teams', channelId: '19:other' })).toBeUndefined();
      expect(await storage.unsubscribe(ref, ['calls'])).toBe(1);
      expect(await storage.unsubscribe(ref, ['calls'])).toBe(0);

      await storage.markChannelGone(ref, 'channel_not_found', at('2026-11-21T10:00:00Z'));
      expect(await storage.activeSubscriptions()).toEqual([]);
      expect(await storage.getChannel(ref)).toMatchObject({ status: 'gone', statusReason: 'channel_not_found' });
      await storage.markChannelActive(ref, at('2026-11-22T10:00:00Z'));
      expect((await storage.activeSubscriptions()).length).toBe(1);
      expect(await storage.deleteProject(ref)).toBe(true);
      expect(await storage.deleteProject(ref)).toBe(false);
    });

    it('sees subscription changes made through another connection', async () => {
      const { storage: first, another } = await open();
      const second = await another();
      expect(await first.activeSubscriptions()).toEqual([]);
      await second.subscribe(ref, ['calls'], at('2026-11-26T10:00:00Z'));
      expect((await first.activeSubscriptions()).map((s) => s.id)).toEqual(['slack:C1:calls']);
      expect((await first.listSubscriptions(ref)).map((s) => s.id)).toEqual(['slack:C1:calls']);
      await second.saveChannelSettings(ref, { reminderDays: [2] }, at('2026-11-26T10:00:00Z'));
      expect((await first.activeSubscriptions())[0]?.channel.reminderDays).toEqual([2]);
      await first.unsubscribe(ref, ['calls']);
      expect(await first.activeSubscriptions()).toEqual([]);
    });

    it('re-reads only the changed channel after a change through the same connection', async () => {
      const { storage } = await open();
      const other = { platform: 'teams' as const, channelId: '19:b' };
      await storage.subscribe(ref, ['calls', 'project'], at('2026-11-26T10:00:00Z'));
      await storage.subscribe(other, ['calls'], at('2026-11-26T10:00:00Z'));
      expect((await storage.activeSubscriptions()).length).toBe(3);
      await storage.saveChannelSettings(other, { reminderTime: '08:00' }, at('2026-11-26T11:00:00Z'));
      await storage.unsubscribe(ref, ['project']);
      const list = await storage.activeSubscriptions();
      expect(list.map((s) => [s.id, s.channel.reminderTime]).sort()).toEqual([
        ['slack:C1:calls', '09:00'],
        ['teams:19:b:calls', '08:00'],
      ]);
    });

    it('keeps every subscription when many channels subscribe through two connections at once', async () => {
      const { storage: first, another } = await open();
      const second = await another();
      expect(await first.activeSubscriptions()).toEqual([]);
      const now = at('2026-11-26T10:00:00Z');
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? first : second).subscribe({ platform: 'slack', channelId: `C${i}` }, ['calls'], now)),
      );
      expect((await first.activeSubscriptions()).length).toBe(40);
      expect((await second.activeSubscriptions()).length).toBe(40);
    });

    it('lets exactly one of two connections claim a notice', async () => {
      const { storage: first, another } = await open();
      const second = await another();
      const now = at('2027-03-25T08:00:00Z');
      const results = await Promise.all([first.claimNotice(claim, { owner: 'a', now }, 60_000), second.claimNotice(claim, { owner: 'b', now }, 60_000)]);
      expect(results.sort()).toEqual([false, true]);
      expect(await second.outboxKeys(now)).toEqual(new Set([toNoticeKeyString(claim)]));
      expect(await first.outboxKeys(now)).toEqual(new Set([toNoticeKeyString(claim)]));
    });

    it('only lets the owner record the outcome, and hands out a retry once', async () => {
      const { storage: first, another } = await open();
      const second = await another();
      const now = at('2027-03-25T08:00:00Z');
      await first.claimNotice(claim, { owner: 'a', now }, 60_000);
      expect(await second.markSending(claim, { owner: 'b', now })).toBe(false);
      expect(await first.markSending(claim, { owner: 'a', now })).toBe(true);
      await first.markRetry(claim, { owner: 'a', now }, at('2027-03-25T08:01:00Z'), 'HTTP 503');

      expect(await first.claimRetries({ owner: 'a', now }, 60_000, 10)).toEqual([]);
      const later = at('2027-03-25T08:01:00Z');
      const [mine, theirs] = await Promise.all([second.claimRetries({ owner: 'b', now: later }, 60_000, 10), first.claimRetries({ owner: 'a', now: later }, 60_000, 10)]);
      const won = [...mine, ...theirs];
      expect(won.map((row) => [row.status, row.attempts, row.lastError])).toEqual([['claimed', 1, 'HTTP 503']]);
      const winner = won[0]?.owner === 'a' ? first : second;
      await winner.markSending(claim, { owner: won[0]?.owner ?? '', now: later });
      await winner.markSent(claim, { owner: won[0]?.owner ?? '', now: later });
      expect((await first.listOutbox()).map((row) => [row.status, row.attempts, row.sentAt?.toISOString()])).toEqual([['sent', 2, '2027-03-25T08:01:00.000Z']]);
      expect(await first.listOutbox({ status: 'retry' })).toEqual([]);
    });

    it('hands a stale claim to one new owner only after its lease expired', async () => {
      const { storage, another } = await open();
      const other = await another();
      const now = at('2027-03-25T08:00:00Z');
      await storage.claimNotice(claim, { owner: 'a', now }, 60_000);
      await storage.markSending(claim, { owner: 'a', now });
      expect(await storage.takeOverStale({ owner: 'b', now: at('2027-03-25T08:00:59Z') }, 60_000)).toEqual([]);
      const late = at('2027-03-25T08:01:01Z');
      const [b, c] = await Promise.all([storage.takeOverStale({ owner: 'b', now: late }, 60_000), other.takeOverStale({ owner: 'c', now: late }, 60_000)]);
      expect([...b, ...c].map((row) => row.status)).toEqual(['sending']);
      expect(await storage.takeOverStale({ owner: 'd', now: at('2027-03-25T08:01:02Z') }, 60_000)).toEqual([]);
    });

    it('claims a key once within its time-to-live, across connections, and again after it expired', async () => {
      const { storage: first, another } = await open();
      const second = await another();
      const now = at('2026-12-01T10:00:00Z');
      const results = await Promise.all([first.claimOnce('slack-event', 'Ev1', 60_000, now), second.claimOnce('slack-event', 'Ev1', 60_000, now)]);
      expect(results.sort()).toEqual([false, true]);
      expect(await second.claimOnce('slack-event', 'Ev1', 60_000, at('2026-12-01T10:00:59Z'))).toBe(false);
      // Another scope or key is a different claim.
      expect(await second.claimOnce('slack-command', 'Ev1', 60_000, now)).toBe(true);
      expect(await second.claimOnce('slack-event', 'Ev2', 60_000, now)).toBe(true);
      // Once expired, the key can be claimed again, once.
      const later = at('2026-12-01T10:01:00Z');
      const again = await Promise.all([first.claimOnce('slack-event', 'Ev1', 60_000, later), second.claimOnce('slack-event', 'Ev1', 60_000, later)]);
      expect(again.sort()).toEqual([false, true]);
    });

    it('deletes expired claims once a minute, and keeps the live ones', async () => {
      const { storage, count } = await open();
      const start = at('2026-12-01T10:00:00Z');
      for (let i = 0; i < 5; i += 1) await storage.claimOnce('slack-event', `old-${i}`, 1_000, start);
      await storage.claimOnce('slack-event', 'live', 10 * 60_000, at('2026-12-01T10:00:30Z'));
      expect(await count('once_claims')).toBe(6);
      // The first claim a minute after the last purge deletes the expired ones; the live key still counts as claimed.
      expect(await storage.claimOnce('slack-event', 'fresh', 60_000, at('2026-12-01T10:01:00Z'))).toBe(true);
      expect(await count('once_claims')).toBe(2);
      expect(await storage.claimOnce('slack-event', 'live', 60_000, at('2026-12-01T10:01:00Z'))).toBe(false);
    });

    it('remembers the language of a conversation per user, for every connection, until the retention purge', async () => {
      const { storage: first, another } = await open();
      const second = await another();
      expect(await first.getConversationLang('slack', 'D1', 'U1')).toBeUndefined();
      await first.setConversationLang('slack', 'D1', 'U1', 'en', at('2026-01-01T10:00:00Z'));
      await first.setConversationLang('teams', '19:abc', 'U1', 'nl', at('2026-03-01T10:00:00Z'));
      expect(await second.getConversationLang('slack', 'D1', 'U1')).toBe('en');
      expect(await second.getConversationLang('slack', 'D1', 'U2')).toBeUndefined();
      await second.setConversationLang('slack', 'D1', 'U1', 'nl', at('2026-01-02T10:00:00Z'));
      expect(await first.getConversationLang('slack', 'D1', 'U1')).toBe('nl');
      expect(await first.purgeFeedback(at('2026-02-01T00:00:00Z'))).toEqual({ questions: 0, votes: 0, languages: 1 });
      expect(await first.getConversationLang('slack', 'D1', 'U1')).toBeUndefined();
      expect(await first.getConversationLang('teams', '19:abc', 'U1')).toBe('nl');
      // An erasure request forgets the user's languages on that platform only.
      await first.setConversationLang('teams', '19:def', 'U1', 'en', at('2026-03-01T10:00:00Z'));
      await first.setConversationLang('teams', '19:def', 'U2', 'en', at('2026-03-01T10:00:00Z'));
      expect(await second.deleteConversationLangsOf('teams', 'U1')).toBe(2);
      expect(await first.getConversationLang('teams', '19:abc', 'U1')).toBeUndefined();
      expect(await first.getConversationLang('teams', '19:def', 'U2')).toBe('en');
    });
  });
}
