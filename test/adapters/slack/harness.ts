// Test harness for the Slack surface: the real Bolt app on the real service host (port 0), the real
// assistant over the fixture knowledge, a local fake of the Slack Web API, and signed requests.
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createSlackAdapter, SLACK_EVENTS_PATH, type SlackAdapter } from '../../../adapters/slack/app.js';
import { createServiceHost, type ServiceHost } from '../../../adapters/server.js';
import { createAssistant, type Assistant } from '../../../src/assistant.js';
import type { Clock } from '../../../src/clock.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { createLogger } from '../../../src/logger.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../../fakes/slack-web-api.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-token';
export const FIXTURE_KNOWLEDGE = fileURLToPath(new URL('../../fixtures/knowledge', import.meta.url));

/** The fixture knowledge and an assistant over it, built once per test file. */
export function createFixtureAssistant(): Assistant {
  return createAssistant({ knowledge: loadKnowledge(FIXTURE_KNOWLEDGE) });
}

export interface SlackHarness {
  fake: FakeSlackWebApi;
  adapter: SlackAdapter;
  host: ServiceHost;
  baseUrl: string;
  /** Log lines (parsed JSON) written so far. */
  logs: Array<Record<string, unknown>>;
  /** Every wait the adapter asked for (a Retry-After), in milliseconds; none waits in real time. */
  sleeps: number[];
  close(): Promise<void>;
}

export interface SlackHarnessOptions {
  appToken?: string;
  /** Called with the fake before the adapter starts (e.g. to script the Socket Mode URL). */
  beforeStart?: (fake: FakeSlackWebApi) => Promise<void> | void;
  logLevel?: string;
  /** The adapter's clock. */
  clock?: Clock;
  /** The assistant to serve; the fixture assistant by default. */
  assistant?: Assistant;
  /** The timeout of each outbound call. */
  timeoutMs?: number;
}

/** Starts the fake Web API, the adapter and the host on a free port. */
export async function startSlackHarness(options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const fake = await startFakeSlackWebApi();
  await options.beforeStart?.(fake);
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger(options.logLevel ?? 'info', sink);
  const sleeps: number[] = [];
  const adapter = createSlackAdapter({
    config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: options.appToken, apiUrl: fake.apiUrl },
    assistant: options.assistant ?? createFixtureAssistant(),
    logger,
    retryConfig: { retries: 2, minTimeout: 1, maxTimeout: 1 },
    sleep: async (ms) => void sleeps.push(ms),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const host = createServiceHost({ adapters: [adapter], logger });
  const port = await host.listen(0, '127.0.0.1');
  return {
    fake,
    adapter,
    host,
    baseUrl: `http://127.0.0.1:${port}`,
    logs,
    sleeps,
    async close() {
      await host.close();
      await fake.close();
    },
  };
}

/** `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}`, as Slack signs requests. */
export function signSlackBody(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequestOptions {
  contentType?: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  signature?: string;
  /** Leave out the signature and timestamp headers. */
  unsigned?: boolean;
  headers?: Record<string, string>;
}

export interface SlackHttpResult {
  status: number;
  body: string;
  ms: number;
}

/** POSTs a raw body to /slack/events, signed unless told otherwise. */
export async function postToSlackEvents(baseUrl: string, body: string, options: SignedRequestOptions = {}): Promise<SlackHttpResult> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json', ...options.headers };
  if (!options.unsigned) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = options.signature ?? signSlackBody(body, timestamp);
  }
  const started = performance.now();
  const response = await fetch(`${baseUrl}${SLACK_EVENTS_PATH}`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - started };
}

let counter = 0;
/** A unique id with a prefix, for event ids and timestamps. */
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}${String(counter).padStart(6, '0')}`;
}

/** An `event_callback` envelope around `event`. */
export function eventCallback(event: Record<string, unknown>, eventId = nextId('Ev')): string {
  return JSON.stringify({
    token: 'legacy-token',
    team_id: 'TFAKE0001',
    api_app_id: 'AFAKE0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'TFAKE0001', user_id: 'UBOTFAKE1', is_bot: true }],
    event,
  });
}

/** A user's direct message to the bot. */
export function dmEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `${1_700_000_000 + Number(nextId('').slice(-6))}.000001`;
  return { type: 'message', channel: 'D0DM00001', channel_type: 'im', user: 'UHUMAN001', text, ts, event_ts: ts, ...extra };
}

/** A user's @mention of the bot in a channel. */
export function mentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `${1_700_000_000 + Number(nextId('').slice(-6))}.000002`;
  return { type: 'app_mention', channel: 'C0CHAN001', user: 'UHUMAN001', text: `<@UBOTFAKE1> ${text}`, ts, event_ts: ts, ...extra };
}

/** A form-encoded slash command body. */
export function slashCommandBody(text: string, responseUrl: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'legacy-token',
    team_id: 'TFAKE0001',
    team_domain: 'fake',
    channel_id: 'C0CHAN001',
    channel_name: 'erasmus-team',
    user_id: 'UHUMAN001',
    user_name: 'docent',
    command: '/erasmus',
    text,
    api_app_id: 'AFAKE0001',
    response_url: responseUrl,
    trigger_id: nextId('1.2.'),
    ...extra,
  }).toString();
}

/** A form-encoded `block_actions` body (`payload=<json>`). */
export function blockActionsBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', team: { id: 'TFAKE0001', domain: 'fake' }, api_app_id: 'AFAKE0001', token: 'legacy-token', trigger_id: nextId('1.3.'), ...payload }) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
