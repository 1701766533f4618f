// A local fake of the Slack Web API for protocol tests and the benchmark: answers auth.test,
// chat.postMessage, chat.postEphemeral, views.publish and response_url posts, records every call
// (form-encoded or JSON), and can answer a call with a scripted failure (e.g. 429 with Retry-After)
// or hold it until released.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the fake received. `method` is the Web API method, or `response_url` for a response_url post. */
export interface FakeSlackCall {
  method: string;
  path: string;
  args: Record<string, unknown>;
  /** The token from the Authorization header or the form, if any. */
  token: string | undefined;
  contentType: string;
  /** `performance.now()` when the call arrived. */
  at: number;
}

/** A scripted answer for the next call to a method. */
interface FakeSlackFailure {
  status: number;
  retryAfterSeconds?: number;
  body?: Record<string, unknown>;
}

export interface FakeSlackWebApi {
  /** The Web API base URL, ending in `/api/` (what `SLACK_API_URL` takes). */
  readonly apiUrl: string;
  readonly origin: string;
  readonly calls: readonly FakeSlackCall[];
  /** A response_url on this fake; posts to it are recorded as method `response_url` with `path`. */
  responseUrl(id: string): string;
  callsTo(method: string): FakeSlackCall[];
  /** Resolves once `count` calls to `method` have arrived; rejects after `timeoutMs`. */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<FakeSlackCall[]>;
  /** The next call to `method` gets this answer instead of success. */
  failNext(method: string, failure: FakeSlackFailure): void;
  /** Calls to `method` wait (already recorded) until the returned function is called. */
  hold(method: string): () => void;
  /** Calls to `method` received and not yet answered. */
  pending(method: string): number;
  /** Extra answer fields for a method (e.g. `apps.connections.open` → `{ url }`). */
  respondWith(method: string, fields: Record<string, unknown>): void;
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_BOT_USER_ID = 'UBOTFAKE1';
export const FAKE_BOT_ID = 'BBOTFAKE1';
const FAKE_TEAM_ID = 'TFAKE0001';

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata']);
/** Form fields that WebClient sends as `true`/`false`. */
const BOOLEAN_FIELDS = new Set(['unfurl_links', 'unfurl_media', 'include_all_metadata', 'replace_original', 'reply_broadcast', 'mrkdwn']);

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(key) && /^[[{]/.test(value)) args[key] = JSON.parse(value);
    else args[key] = BOOLEAN_FIELDS.has(key) && (value === 'true' || value === 'false') ? value === 'true' : value;
  }
  return args;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

export interface FakeSlackWebApiOptions {
  /** Told of every call as it arrives (the benchmark times replies with it). */
  onCall?: (call: FakeSlackCall) => void;
  /** Keep the calls in `calls`; off for long benchmark runs. */
  record?: boolean;
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeSlackWebApi(options: FakeSlackWebApiOptions = {}): Promise<FakeSlackWebApi> {
  const record = options.record ?? true;
  const calls: FakeSlackCall[] = [];
  const failures = new Map<string, FakeSlackFailure[]>();
  const holds = new Map<string, Promise<void>>();
  const extra = new Map<string, Record<string, unknown>>();
  const waiters = new Set<() => void>();
  const open = new Map<string, number>();
  const track = (method: string, delta: number): void => void open.set(method, (open.get(method) ?? 0) + delta);
  let ts = 1_700_000_000;

  function success(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const fields = extra.get(method) ?? {};
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'erasmus', team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID, ...fields };
      case 'chat.postMessage':
        ts += 1;
        return { ok: true, channel: args.channel, ts: `${ts}.000100`, message: { text: args.text, ts: `${ts}.000100` }, ...fields };
      case 'chat.postEphemeral':
        ts += 1;
        return { ok: true, message_ts: `${ts}.000200`, ...fields };
      case 'views.publish':
        return { ok: true, view: { id: 'VFAKE0001', ...(args.view as object) }, ...fields };
      case 'response_url':
        return { ok: true, ...fields };
      default:
        return Object.keys(fields).length > 0 ? { ok: true, ...fields } : { ok: false, error: 'unknown_method' };
    }
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const contentType = String(req.headers['content-type'] ?? '');
      const raw = await readText(req);
      let args: Record<string, unknown>;
      try {
        args = parseArgs(raw, contentType);
      } catch {
        send(res, 400, { ok: false, error: 'invalid_json' });
        return;
      }
      const method = path.startsWith('/api/') ? path.slice('/api/'.length) : path.startsWith('/response/') ? 'response_url' : path;
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
      const call = { method, path, args, token, contentType, at: performance.now() };
      if (record) calls.push(call);
      options.onCall?.(call);
      for (const wake of [...waiters]) wake();

      track(method, 1);
      res.once('finish', () => track(method, -1));
      const held = holds.get(method);
      if (held) await held;
      const failure = failures.get(method)?.shift();
      if (failure) {
        const headers: Record<string, string> = failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
        send(res, failure.status, failure.body ?? { ok: false, error: failure.status === 429 ? 'ratelimited' : 'fatal_error' }, headers);
        return;
      }
      send(res, 200, success(method, args));
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: String(error) });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const callsTo = (method: string): FakeSlackCall[] => calls.filter((call) => call.method === method);

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    callsTo,
    waitForCalls(method, count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = callsTo(method);
          if (found.length < count) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`Timed out waiting for ${count} ${method} call(s); got ${callsTo(method).length}`));
        }, timeoutMs);
        if (!check()) waiters.add(wake);
      });
    },
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    hold(method) {
      let release = (): void => undefined;
      holds.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(method);
        release();
      };
    },
    pending: (method) => open.get(method) ?? 0,
    respondWith(method, fields) {
      extra.set(method, fields);
    },
    reset() {
      calls.length = 0;
      failures.clear();
      extra.clear();
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
