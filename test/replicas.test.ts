// Two replicas of the service behind one PostgreSQL database: two `npm start` processes (node --import tsx
// adapters/main.ts, what `npm start` runs) on their own ports, each with its own DATA_DIR, both pointed at
// the local fake Slack Web API and driven by signed Slack requests. What one replica stores the other sees;
// an event delivered to both is answered once; their schedulers send each notice exactly once.
// Runs when DATABASE_URL is set (.ci/run starts a throwaway server).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nt } from '../src/notices/texts.js';
import { openPostgresStorage } from '../src/storage/postgres.js';
import type { Storage } from '../src/storage/storage.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from './fakes/slack-web-api.js';
import { BOT_TOKEN, dmEvent, eventCallback, postToSlackEvents, SIGNING_SECRET, slashCommandBody } from './adapters/slack/harness.js';
import { createSchema, DATABASE_URL, POSTGRES_SKIP } from './storage/open.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOTICES = 60;

interface Replica {
  name: string;
  base: string;
  child: ChildProcess;
  dataDir: string;
  logs: Array<Record<string, unknown>>;
}

/** Starts one replica on a free port and resolves once it logged that it listens. */
function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const dataDir = mkdtempSync(join(tmpdir(), `replica-${name}-`));
  const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`replica ${name} exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (String(entry.msg).startsWith('service started')) resolve({ name, base: `http://127.0.0.1:${String(entry.port)}`, child, dataDir, logs });
    });
  });
}

async function stopReplica(replica: Replica): Promise<void> {
  if (replica.child.exitCode === null) {
    const exited = new Promise((resolve) => replica.child.once('exit', resolve));
    replica.child.kill('SIGTERM');
    await exited;
  }
  rmSync(replica.dataDir, { recursive: true, force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe.skipIf(!DATABASE_URL)(`two replicas on one PostgreSQL database${DATABASE_URL ? '' : ` (skipped: ${POSTGRES_SKIP})`}`, () => {
  let fake: FakeSlackWebApi;
  let schema: { url: string; drop(): Promise<void> };
  let store: Storage;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    fake = await startFakeSlackWebApi();
    schema = await createSchema(DATABASE_URL ?? '');
    const env = {
      DATABASE_URL: schema.url,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      NOTICE_TIMEZONE: 'UTC',
      SCHEDULER_INTERVAL_SECONDS: '5',
    };
    // Started together: the two migrate the empty schema at the same moment.
    [a, b] = await Promise.all([startReplica('a', env), startReplica('b', env)]);
    store = await openPostgresStorage(schema.url, { poolSize: 2 });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map(stopReplica));
    await store?.close();
    await fake?.close();
    await schema?.drop();
  }, 30_000);

  it('answers /healthz on both', async () => {
    for (const replica of [a, b]) expect((await fetch(`${replica.base}/healthz`)).status).toBe(200);
  });

  it('lists on one replica a subscription made on the other', async () => {
    const subscribe = await postToSlackEvents(a.base, slashCommandBody('subscribe calls', fake.responseUrl('on-a')), { contentType: 'application/x-www-form-urlencoded' });
    expect(subscribe.status).toBe(200);
    await fake.waitForCalls('response_url', 1, 30_000);
    expect(JSON.stringify(fake.callsTo('response_url')[0]?.args)).toContain(nt('en', 'subscribed', { topics: '' }).replace(/ \.$/, ''));

    const again = await postToSlackEvents(b.base, slashCommandBody('subscribe calls', fake.responseUrl('on-b')), { contentType: 'application/x-www-form-urlencoded' });
    expect(again.status).toBe(200);
    await fake.waitForCalls('response_url', 2, 30_000);
    const onB = fake.callsTo('response_url').find((call) => call.path.includes('on-b'));
    expect(JSON.stringify(onB?.args)).toContain(nt('en', 'alreadySubscribed', { topics: '' }).replace(/ \.$/, ''));
    expect((await store.listSubscriptions({ platform: 'slack', channelId: 'C0CHAN001' })).map((s) => s.topic)).toEqual(['calls']);
  }, 60_000);

  it('answers once when Slack delivers the same event to both replicas', async () => {
    const body = eventCallback(dmEvent('hoe vind ik partners?', { channel: 'D0REPLICA' }), 'EvReplicas0001');
    const [toA, toB] = await Promise.all([postToSlackEvents(a.base, body), postToSlackEvents(b.base, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })]);
    expect([toA.status, toB.status]).toEqual([200, 200]);
    const answers = () => fake.callsTo('chat.postMessage').filter((call) => call.args.channel === 'D0REPLICA');
    for (let waited = 0; answers().length === 0 && waited < 30_000; waited += 100) await sleep(100);
    // Long enough for a second answer to have arrived, had the other replica answered too.
    await sleep(3_000);
    expect(answers()).toHaveLength(1);
  }, 60_000);

  it('sends each due notice exactly once when both schedulers find it due', async () => {
    // Project channels whose kick-off is in two days, reminded two days before at midnight: due now.
    const now = new Date();
    const start = new Date(now.getTime() + 2 * DAY_MS).toISOString().slice(0, 10);
    const end = new Date(now.getTime() + 700 * DAY_MS).toISOString().slice(0, 10);
    const since = new Date(now.getTime() - DAY_MS);
    const channels = Array.from({ length: NOTICES }, (_, i) => ({ platform: 'slack' as const, channelId: `CREPL${String(i).padStart(4, '0')}` }));
    // The first sends wait at the fake, so that the other replica's scheduler ticks (at most 6 s apart)
    // while every notice is claimed and none is sent yet; released before the 10 s client timeout.
    const release = fake.hold('chat.postMessage');
    // The channels are stored as gone, then made active in one statement: a scheduler sees all of them or none.
    await Promise.all(
      channels.map(async (ref) => {
        await store.saveProject(ref, { name: undefined, start, end, interim: undefined, finalReport: undefined }, since);
        await store.saveChannelSettings(ref, { reminderDays: [2], reminderTime: '00:00' }, since);
        await store.markChannelGone(ref, 'not yet', since);
        await store.subscribe(ref, ['project'], since);
      }),
    );
    expect(await store.activeSubscriptions()).not.toContainEqual(expect.objectContaining({ channelId: 'CREPL0000' }));
    await sql(schema.url, "UPDATE channels SET status = 'active', status_reason = NULL WHERE channel_id LIKE 'CREPL%'");
    for (let waited = 0; fake.pending('chat.postMessage') === 0 && waited < 30_000; waited += 100) await sleep(100);
    expect(fake.pending('chat.postMessage')).toBeGreaterThan(0);
    await sleep(7_000);
    const held = await store.listOutbox({ limit: 1000 });
    expect(held.filter((row) => row.channelId.startsWith('CREPL'))).toHaveLength(NOTICES);
    // Each replica sends at most 4 at a time, so at most 8 can be waiting.
    expect(fake.pending('chat.postMessage')).toBeLessThanOrEqual(8);
    release();

    const notices = () => fake.callsTo('chat.postMessage').filter((call) => String(call.args.channel).startsWith('CREPL'));
    for (let waited = 0; notices().length < NOTICES && waited < 60_000; waited += 200) await sleep(200);
    // Both schedulers tick at least once more before counting.
    await sleep(7_000);
    const sent = notices().map((call) => String(call.args.channel));
    expect(sent).toHaveLength(NOTICES);
    expect(new Set(sent).size).toBe(NOTICES);
    const outbox = (await store.listOutbox({ limit: 1000 })).filter((row) => row.channelId.startsWith('CREPL'));
    expect(outbox.map((row) => [row.status, row.attempts])).toEqual(Array(NOTICES).fill(['sent', 1]));
    // What the two replicas report having sent adds up to the notices, each counted once.
    const reported = [a, b].flatMap((replica) => replica.logs.filter((entry) => entry.msg === 'notice tick'));
    expect(reported.reduce((sum, entry) => sum + Number((entry.report as { sent?: number } | undefined)?.sent ?? 0), 0)).toBe(NOTICES);
  }, 120_000);
});
