// `npm run notices`: lists what is due as JSON lines without changing anything, and with --send delivers
// through the same Teams delivery as the service (to a local fake Bot Connector), recorded in the outbox.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.js';
import { tempDataDir } from './helpers.js';

const AT = '2027-02-26T09:00:00+01:00';

describe('npm run notices', () => {
  let fake: FakeBotConnector;
  let temp: ReturnType<typeof tempDataDir>;

  beforeAll(async () => {
    fake = await startFakeBotConnector();
    temp = tempDataDir();
    const storage = openSqliteStorage(temp.dir);
    const ref = { platform: 'teams' as const, channelId: 'a:personal-1' };
    await storage.subscribe(ref, ['calls'], new Date('2026-11-26T10:00:00Z'));
    await storage.saveChannelSettings(ref, { lang: 'en' }, new Date('2026-11-26T10:00:00Z'));
    const reference = { serviceUrl: fake.url, channelId: 'msteams', conversation: { id: 'a:personal-1' }, bot: { id: '28:bot' }, user: { id: '29:u' } };
    await storage.saveConversationReference(ref, reference, new Date('2026-11-26T10:00:00Z'));
    await storage.close();
  });
  afterAll(async () => {
    await fake.close();
    temp.cleanup();
  });

  // Asynchronous: the fake Bot Connector answers from this process while the script runs.
  const run = async (...args: string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/notices.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: temp.dir, KNOWLEDGE_DIR: 'knowledge', LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const lines = stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    return { status, lines, stderr };
  };

  it('lists the notices due at a moment and changes nothing', async () => {
    const first = await run('--at', AT);
    expect(first.status, first.stderr).toBe(0);
    expect(first.lines.map((l) => [l.platform, l.channel, l.deadlineId, l.dueAt, l.reminderDays])).toEqual([
      ['teams', 'a:personal-1', 'ka220-vet-2027', '2027-03-05T11:00:00.000Z', 7],
      ['teams', 'a:personal-1', 'ka210-vet-2027-1', '2027-03-05T11:00:00.000Z', 7],
    ]);
    expect(String(first.lines[0]?.text)).toMatch(/^7 days left: KA220-VET cooperation partnership: 2027 call deadline\nDue Friday 5 March 2027, 12:00/);
    expect((await run('--at', AT)).lines).toEqual(first.lines);
    expect(fake.activities).toEqual([]);
    const storage = openSqliteStorage(temp.dir);
    expect(await storage.listOutbox()).toEqual([]);
    await storage.close();
  });

  it('delivers them with --send, once', async () => {
    const sent = await run('--at', AT, '--send');
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.lines.length).toBe(2);
    expect(fake.activities.map((a) => [a.conversationId, a.activity.summary])).toEqual([
      ['a:personal-1', '7 days left: KA220-VET cooperation partnership: 2027 call deadline'],
      ['a:personal-1', '7 days left: KA210-VET small-scale partnership: 2027 call deadline, round 1'],
    ]);
    expect((await run('--at', AT, '--send')).lines).toEqual([]);
    expect((await run('--at', AT)).lines).toEqual([]);
    expect(fake.activities.length).toBe(2);
  });

  it('refuses a time it cannot read', async () => {
    const bad = await run('--at', 'next friday');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not an ISO date-time/);
  });
});
