// `npm start` end to end: the real process, with Slack's Web API pointed at a local fake and a temporary
// DATA_DIR. A signed Slack event and a Bot Framework activity are answered through the fakes, /healthz shows
// each surface, and SIGTERM to the npm process stops the service with a "stopped" line and no server left.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotConnector, type FakeBotConnector } from './fakes/bot-connector.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from './fakes/slack-web-api.js';

const SIGNING_SECRET = 'service-test-signing-secret';
const BOT_TOKEN = 'xoxb-service-test';

interface Service {
  child: ChildProcess;
  logs: Array<Record<string, unknown>>;
  base: string;
  /** Resolves with the exit code once the npm process ended. */
  exited: Promise<number | null>;
  dataDir: string;
}

/** Starts `npm start` and waits for its "service started" line. */
async function startService(env: Record<string, string>): Promise<Service> {
  const dataDir = mkdtempSync(join(tmpdir(), 'service-test-'));
  const child = spawn('npm', ['start', '--silent'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let rest = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // 'close' comes after the last output has been read, unlike 'exit'.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const started = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setInterval(() => {
      const line = logs.find((l) => String(l.msg).startsWith('service started'));
      if (line) {
        clearInterval(timer);
        resolve(line);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`npm start ended (${code}) before it started: ${stderr}`));
    });
  });
  return { child, logs, base: String(started.url).replace(/\/$/, ''), exited, dataDir };
}

async function stopService(service: Service): Promise<number | null> {
  service.child.kill('SIGTERM');
  const code = await service.exited;
  rmSync(service.dataDir, { recursive: true, force: true });
  return code;
}

/** The `v0=` signature Slack sends (https://docs.slack.dev/authentication/verifying-requests-from-slack). */
const signSlackRequest = (secret: string, timestamp: number, body: string): string => `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

function signedSlackPost(base: string, payload: unknown): Promise<Response> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signSlackRequest(SIGNING_SECRET, timestamp, body) },
    body,
  });
}

const slackDm = (text: string, eventId: string) => ({
  type: 'event_callback',
  team_id: 'TFAKE0001',
  api_app_id: 'AFAKE0001',
  event_id: eventId,
  event_time: Math.floor(Date.now() / 1000),
  event: { type: 'message', channel: 'D0SERVICE', channel_type: 'im', user: 'UHUMAN001', text, ts: '1700000000.000100', event_ts: '1700000000.000100' },
});

const teamsMessage = (serviceUrl: string, text: string) => ({
  type: 'message',
  id: 'incoming-1',
  timestamp: new Date().toISOString(),
  channelId: 'msteams',
  serviceUrl,
  from: { id: '29:user-jan', name: 'Jan' },
  recipient: { id: '28:erasmus-bot', name: 'Erasmus' },
  conversation: { id: 'a:service-test', conversationType: 'personal', tenantId: 'tenant-1' },
  locale: 'en-US',
  text,
  textFormat: 'plain',
});

describe('npm start', { timeout: 120_000 }, () => {
  let slack: FakeSlackWebApi;
  let connector: FakeBotConnector;

  beforeAll(async () => {
    slack = await startFakeSlackWebApi();
    connector = await startFakeBotConnector();
  });
  afterAll(async () => {
    await slack.close();
    await connector.close();
  });

  it('serves Slack and Teams through the fakes, tells where everything is, and stops on SIGTERM', async () => {
    const service = await startService({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
    let stopped = false;
    try {
      const terminal = service.logs.findIndex((l) => l.surface === 'terminal');
      const surfaces = service.logs.slice(0, terminal + 1).filter((l) => typeof l.surface === 'string' && typeof l.state === 'string');
      // Slack is on once auth.test has been answered; on a busy machine that may come after the start-up lines.
      expect(surfaces.map((l) => [l.surface, l.state])).toEqual([
        ['slack', expect.stringMatching(/^(on|starting)$/)],
        ['teams', 'emulator-only'],
        ['web', 'on'],
        ['terminal', 'on'],
      ]);
      expect(String(surfaces[1]?.msg)).toContain(`${service.base}/api/messages`);
      const started = service.logs.find((l) => String(l.msg).startsWith('service started'));
      expect(started).toMatchObject({ health: `${service.base}/healthz`, data: join(service.dataDir, 'assistant.db') });
      expect(service.logs.some((l) => /adapter off|no chat platform/.test(String(l.msg)))).toBe(false);

      await expect.poll(async () => ((await (await fetch(`${service.base}/healthz`)).json()) as { status: string }).status, { timeout: 30_000, interval: 200 }).toBe('ok');
      const health = await fetch(`${service.base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', surfaces: { slack: { state: 'on' }, teams: { state: 'on' } }, database: { status: 'ok' } });

      expect((await signedSlackPost(service.base, slackDm('help', 'EvService1'))).status).toBe(200);
      const [post] = await slack.waitForCalls('chat.postMessage', 1, 30_000);
      expect(post?.args.channel).toBe('D0SERVICE');
      expect(post?.token).toBe(BOT_TOKEN);

      const teams = await fetch(`${service.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(teamsMessage(connector.url, 'help')),
      });
      expect(teams.status).toBeLessThan(300);
      await expect.poll(() => connector.activities.length, { timeout: 30_000 }).toBeGreaterThan(0);
      expect(connector.activities[0]?.conversationId).toBe('a:service-test');

      const code = await stopService(service);
      stopped = true;
      expect(code, JSON.stringify(service.logs.slice(-3))).toBe(0);
      expect(service.logs.at(-1)).toMatchObject({ msg: 'stopped', signal: 'SIGTERM' });
      // Nothing is left listening: the npm process's child stopped with it.
      await expect(fetch(`${service.base}/healthz`)).rejects.toThrow();
    } finally {
      if (!stopped) await stopService(service);
    }
  });

  it('keeps Teams working while Slack cannot be reached at start, and connects Slack in the background', async () => {
    slack.reset();
    slack.failNext('auth.test', { status: 200, body: { ok: false, error: 'service_unavailable' } });
    const service = await startService({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
    try {
      expect(service.logs.find((l) => l.surface === 'slack' && l.state === 'retrying')).toMatchObject({ level: 40 });
      const health = await (await fetch(`${service.base}/healthz`)).json();
      expect(health).toMatchObject({ status: 'degraded', surfaces: { slack: { state: 'retrying' }, teams: { state: 'on' } } });
      expect((await signedSlackPost(service.base, slackDm('help', 'EvService2'))).status).toBe(503);

      const before = connector.activities.length;
      await fetch(`${service.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(teamsMessage(connector.url, 'help')) });
      await expect.poll(() => connector.activities.length, { timeout: 30_000 }).toBeGreaterThan(before);

      await expect.poll(async () => ((await (await fetch(`${service.base}/healthz`)).json()) as { status: string }).status, { timeout: 30_000, interval: 500 }).toBe('ok');
      expect(service.logs.some((l) => l.msg === 'slack: on (connected after retrying)')).toBe(true);
    } finally {
      expect(await stopService(service)).toBe(0);
    }
  });
});
