import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { DATABASE_FILE, openSqliteStorage } from '../../src/storage/sqlite.js';
import { StorageError, toNoticeKeyString, type NoticeClaim } from '../../src/storage/storage.js';
import { tempDataDir } from '../notices/helpers.js';
import { afterThisTest, openTestStorage } from './open.js';

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

const open = openTestStorage;

describe('the SQLite storage', () => {
  it('creates the file in DATA_DIR in WAL mode with every migration applied', () => {
    const { dir } = open();
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    db.close();
  });

  it('applies only the migrations a file lacks, so a later feature can append one', async () => {
    const { dir, storage } = open();
    await storage.subscribe(ref, ['calls'], at('2026-11-26T10:00:00Z'));
    await storage.close();
    const next = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'feedback', sql: 'CREATE TABLE feedback (id INTEGER PRIMARY KEY, verdict TEXT NOT NULL);' }];
    const reopened = openSqliteStorage(dir, { migrations: next });
    afterThisTest(() => reopened.close());
    expect((await reopened.listSubscriptions(ref)).map((s) => s.topic)).toEqual(['calls']);
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(next.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'feedback'").get()).toBeDefined();
    db.close();
  });

  it('refuses a read-only open of a missing or outdated file instead of creating one', () => {
    const temp = tempDataDir();
    afterThisTest(temp.cleanup);
    expect(() => openSqliteStorage(temp.dir, { readonly: true })).toThrow(StorageError);
    expect(existsSync(join(temp.dir, DATABASE_FILE))).toBe(false);
    openSqliteStorage(temp.dir).close();
    const newer = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'x', sql: 'SELECT 1;' }];
    expect(() => openSqliteStorage(temp.dir, { readonly: true, migrations: newer })).toThrow(/start the service once/);
  });

  it('keeps channel settings, subscriptions with their first date, projects and conversation references', async () => {
    const { storage } = open();
    await storage.subscribe(ref, ['calls'], at('2026-11-01T10:00:00Z'));
    await storage.subscribe(ref, ['calls', 'project'], at('2026-11-20T10:00:00Z'));
    await storage.saveChannelSettings(ref, { lang: 'en', reminderDays: [14, 3] }, at('2026-11-20T10:00:00Z'));
    await storage.saveProject(ref, { name: 'Groen', start: '2025-09-01', end: '2027-08-31', interim: undefined, finalReport: undefined }, at('2026-11-20T10:00:00Z'));
    await storage.saveConversationReference({ platform: 'teams', channelId: '19:abc' }, { serviceUrl: 'https://smba.example/', conversation: { id: '19:abc' } }, at('2026-11-20T10:00:00Z'));

    const subs = await storage.activeSubscriptions();
    expect(subs.map((s) => [s.id, s.since.toISOString(), s.channel.lang, s.channel.reminderDays, s.project?.name])).toEqual([
      ['slack:C1:calls', '2026-11-01T10:00:00.000Z', 'en', [14, 3], undefined],
      ['slack:C1:project', '2026-11-20T10:00:00.000Z', 'en', [14, 3], 'Groen'],
    ]);
    expect(await storage.getConversationReference({ platform: 'teams', channelId: '19:abc' })).toEqual({ serviceUrl: 'https://smba.example/', conversation: { id: '19:abc' } });
    expect(await storage.unsubscribe(ref, ['calls'])).toBe(1);
    expect(await storage.unsubscribe(ref, ['calls'])).toBe(0);

    await storage.markChannelGone(ref, 'channel_not_found', at('2026-11-21T10:00:00Z'));
    expect(await storage.activeSubscriptions()).toEqual([]);
    expect((await storage.getChannel(ref))?.status).toBe('gone');
    await storage.markChannelActive(ref, at('2026-11-22T10:00:00Z'));
    expect((await storage.activeSubscriptions()).length).toBe(1);
  });

  it('sees subscription changes made through another connection to the same file', async () => {
    const { storage: first, dir } = open();
    const second = openSqliteStorage(dir);
    afterThisTest(() => second.close());
    expect(await first.activeSubscriptions()).toEqual([]);
    await second.subscribe(ref, ['calls'], at('2026-11-26T10:00:00Z'));
    expect((await first.activeSubscriptions()).map((s) => s.id)).toEqual(['slack:C1:calls']);
    await second.saveChannelSettings(ref, { reminderDays: [2] }, at('2026-11-26T10:00:00Z'));
    expect((await first.activeSubscriptions())[0]?.channel.reminderDays).toEqual([2]);
    await first.unsubscribe(ref, ['calls']);
    expect(await first.activeSubscriptions()).toEqual([]);
  });

  it('re-reads only the changed channel after a change through the same connection', async () => {
    const { storage } = open();
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

  it('lets exactly one of two connections to one file claim a notice', async () => {
    const { storage: first, dir } = open();
    const second = openSqliteStorage(dir);
    afterThisTest(() => second.close());
    const now = at('2027-03-25T08:00:00Z');
    const results = await Promise.all([first.claimNotice(claim, { owner: 'a', now }, 60_000), second.claimNotice(claim, { owner: 'b', now }, 60_000)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await second.outboxKeys(now)).toEqual(new Set([toNoticeKeyString(claim)]));
  });

  it('only lets the owner record the outcome, and hands out a retry once', async () => {
    const { storage: first, dir } = open();
    const second = openSqliteStorage(dir);
    afterThisTest(() => second.close());
    const now = at('2027-03-25T08:00:00Z');
    await first.claimNotice(claim, { owner: 'a', now }, 60_000);
    expect(await second.markSending(claim, { owner: 'b', now })).toBe(false);
    expect(await first.markSending(claim, { owner: 'a', now })).toBe(true);
    await first.markRetry(claim, { owner: 'a', now }, at('2027-03-25T08:01:00Z'), 'HTTP 503');

    expect(await first.claimRetries({ owner: 'a', now }, 60_000, 10)).toEqual([]);
    const later = at('2027-03-25T08:01:00Z');
    const [mine, theirs] = [await second.claimRetries({ owner: 'b', now: later }, 60_000, 10), await first.claimRetries({ owner: 'a', now: later }, 60_000, 10)];
    expect(mine.map((row) => [row.status, row.owner, row.attempts, row.lastError])).toEqual([['claimed', 'b', 1, 'HTTP 503']]);
    expect(theirs).toEqual([]);
  });

  it('hands a stale claim to one new owner only after its lease expired', async () => {
    const { storage } = open();
    const now = at('2027-03-25T08:00:00Z');
    await storage.claimNotice(claim, { owner: 'a', now }, 60_000);
    await storage.markSending(claim, { owner: 'a', now });
    expect(await storage.takeOverStale({ owner: 'b', now: at('2027-03-25T08:00:59Z') }, 60_000)).toEqual([]);
    const taken = await storage.takeOverStale({ owner: 'b', now: at('2027-03-25T08:01:01Z') }, 60_000);
    expect(taken.map((row) => [row.status, row.owner])).toEqual([['sending', 'b']]);
    expect(await storage.takeOverStale({ owner: 'c', now: at('2027-03-25T08:01:02Z') }, 60_000)).toEqual([]);
  });
});
