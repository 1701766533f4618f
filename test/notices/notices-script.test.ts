// `npm run notices`: lists what is due as JSON lines without changing anything, and with --send delivers
// through the same Teams delivery as the service (to a local fake Bot Connector), recorded in the outbox.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { tempDataDir } from './helpers.js';

const AT = '2027-02-26T09:00:00+01:00';

// Asynchronous: the fakes answer from this process while the script runs.
async function runNotices(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/notices.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: 'knowledge', LOG_LEVEL: 'silent', ...env },
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
}

describe('npm run notices', { timeout: 60_000 }, () => {
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

  const run = (...args: string[]) => runNotices({ DATA_DIR: temp.dir }, args);

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
    expect(sent.stderr).toContain('Notices: 2 sent, 0 waiting for a retry, 0 failed, 0 unknown.');
    expect(fake.activities.map((a) => [a.conversationId, a.activity.summary])).toEqual([
      ['a:personal-1', '7 days left: KA220-VET cooperation partnership: 2027 call deadline'],
      ['a:personal-1', '7 days left: KA210-VET small-scale partnership: 2027 call deadline, round 1'],
    ]);
    expect((await run('--at', AT, '--send')).lines).toEqual([]);
    expect((await run('--at', AT)).lines).toEqual([]);
    expect(fake.activities.length).toBe(2);
  });

  it.each(['Mars/Olympus_Mons', 'Europe/Amsterdamm'])('refuses NOTICE_TIMEZONE=%s, naming the variable, before it lists anything', async (zone) => {
    const bad = await runNotices({ DATA_DIR: temp.dir, NOTICE_TIMEZONE: zone }, ['--at', AT]);
    expect(bad.status).toBe(1);
    expect(bad.lines).toEqual([]);
    expect(bad.stderr).toContain('NOTICE_TIMEZONE: must be an IANA time zone such as Europe/Amsterdam');
  });

  it('refuses a time it cannot read', async () => {
    const bad = await run('--at', 'next friday');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not an ISO date-time/);
  });
});

describe('npm run notices -- --send on Slack', { timeout: 60_000 }, () => {
  let slack: FakeSlackWebApi;
  let temp: ReturnType<typeof tempDataDir>;
  const C = { platform: 'slack' as const, channelId: 'C0NOTICE' };

  beforeAll(async () => {
    slack = await startFakeSlackWebApi();
  });
  afterAll(() => slack.close());

  const setUp = async (): Promise<void> => {
    temp = tempDataDir();
    slack.reset();
    const storage = openSqliteStorage(temp.dir);
    await storage.subscribe(C, ['calls'], new Date('2026-11-26T10:00:00Z'));
    await storage.saveChannelSettings(C, { lang: 'en' }, new Date('2026-11-26T10:00:00Z'));
    await storage.close();
  };
  const env = () => ({ DATA_DIR: temp.dir, SLACK_BOT_TOKEN: 'xoxb-notices', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl });

  it('exits 1 with a summary when a notice waits for a retry', async () => {
    await setUp();
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 120 });
    const result = await runNotices(env(), ['--at', AT, '--send']);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/Notices: 1 sent, 1 waiting for a retry \(next [^)]+; run again then\), 0 failed, 0 unknown\. Not everything was delivered/);
    temp.cleanup();
  });

  it('exits 1 when a notice failed', async () => {
    await setUp();
    slack.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'invalid_blocks' } });
    const result = await runNotices(env(), ['--at', AT, '--send']);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('Notices: 1 sent, 0 waiting for a retry, 1 failed, 0 unknown.');
    temp.cleanup();
  });

  it('sends a notice of a killed run again, marked as a repeat, whatever --at the next run is given', async () => {
    await setUp();
    const sentFile = join(temp.dir, 'sent.jsonl');
    // The killed run looked at AT; its lease (1 ms on the real clock) has run out when the next run starts.
    const killed = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/notices/kill-after-send.ts', temp.dir, sentFile, AT, '1', 'knowledge'], { encoding: 'utf8' });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(readFileSync(sentFile, 'utf8')).toContain('"deadlineId":"ka220-vet-2027"');
    // The shipped manifest has no history scope, so Slack cannot confirm whether the messages arrived.
    const missingScope = { status: 200, body: { ok: false, error: 'missing_scope' } };
    slack.failNext('conversations.history', missingScope);
    slack.failNext('conversations.history', missingScope);

    const result = await runNotices(env(), ['--at', '2026-12-01T09:00:00+01:00', '--send']);
    expect(result.status, result.stderr).toBe(0);
    // Both notices of the killed run were being sent (in parallel) when it stopped; each may have arrived.
    expect(result.stderr).toContain('Notices: 2 sent, 2 repeated after an interrupted send, 0 waiting for a retry, 0 failed, 0 unknown.');
    expect(slack.callsTo('conversations.history').length).toBe(2);
    const texts = slack.callsTo('chat.postMessage').map((call) => String(call.args.text));
    expect(texts.sort()).toEqual([
      expect.stringMatching(/^\d+ days left: KA210-VET small-scale partnership: 2027 call deadline, round 1 \(repeat, in case you missed it\)/),
      expect.stringMatching(/^\d+ days left: KA220-VET cooperation partnership: 2027 call deadline \(repeat, in case you missed it\)/),
    ]);
    const storage = openSqliteStorage(temp.dir);
    expect((await storage.listOutbox()).map((row) => [row.status, row.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
    await storage.close();
    temp.cleanup();
  });
});
