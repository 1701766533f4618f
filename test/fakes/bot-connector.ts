// A local fake of the Bot Connector service that a bot replies to (the activity's `serviceUrl`):
// `POST /v3/conversations/:id/activities[/:activityId]` records the activity and answers 201 with an id;
// `PUT /v3/conversations/:id/activities/:activityId` (an update of a sent message) records it in `updates`.
// Failures can be queued (429 with Retry-After, 5xx, no answer at all) to test retries and time limits. It also publishes OpenID metadata
// and a signing key (`openIdMetadataUrl`), so tokens can be checked without Microsoft's servers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface RecordedActivity {
  conversationId: string;
  /** The activity replied to, when the bot used replyToActivity. */
  replyToId: string | undefined;
  activity: Record<string, unknown>;
  authorization: string | undefined;
  /** When the fake received it (performance.now() of this process). */
  at: number;
}

interface QueuedFailure {
  status: number;
  headers?: Record<string, string>;
  /** Never answer: the connection stays open until the caller gives up (recorded with status 0). */
  hang?: boolean;
}

export interface FakeBotConnector {
  /** Base URL to use as the activities' `serviceUrl`, ending in `/`. */
  readonly url: string;
  /** Where the bot finds this fake's OpenID metadata and signing key. */
  readonly openIdMetadataUrl: string;
  /** The key id and private key of the published signing key. */
  readonly signingKey: { kid: string; privateKey: KeyObject };
  /** Activities accepted, in order. */
  readonly activities: RecordedActivity[];
  /** Updates of sent activities (PUT), in order; `replyToId` holds the id of the updated activity. */
  readonly updates: RecordedActivity[];
  /** Every POST to an activities route, failed ones included. */
  readonly attempts: Array<{ status: number; at: number }>;
  /** TCP connections opened to the fake since it started or was last reset. */
  readonly connections: number;
  /** The next POSTs answer with these statuses instead of accepting the activity. */
  failNext(...failures: QueuedFailure[]): void;
  reset(): void;
  close(): Promise<void>;
}

const ACTIVITIES_ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const activities: RecordedActivity[] = [];
  const updates: RecordedActivity[] = [];
  const attempts: Array<{ status: number; at: number }> = [];
  const failures: QueuedFailure[] = [];
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'fake-connector-key';
  let nextId = 1;
  let base = '';
  let connections = 0;

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === '/openid/.well-known/openidconfiguration') {
      send(res, 200, { issuer: 'https://api.botframework.com', jwks_uri: `${base}openid/keys`, id_token_signing_alg_values_supported: ['RS256'] });
      return;
    }
    if (req.method === 'GET' && path === '/openid/keys') {
      send(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', endorsements: ['msteams', 'emulator'] }] });
      return;
    }
    const match = ACTIVITIES_ROUTE.exec(path);
    const isUpdate = req.method === 'PUT' && match?.[2] !== undefined;
    if ((req.method !== 'POST' && !isUpdate) || !match) {
      send(res, 404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
      return;
    }
    readJson(req)
      .then((body) => {
        const failure = failures.shift();
        if (failure?.hang) {
          attempts.push({ status: 0, at: Date.now() });
          return;
        }
        if (failure) {
          attempts.push({ status: failure.status, at: Date.now() });
          send(res, failure.status, { error: { code: 'Failure', message: `queued ${failure.status}` } }, failure.headers);
          return;
        }
        attempts.push({ status: isUpdate ? 200 : 201, at: Date.now() });
        (isUpdate ? updates : activities).push({
          conversationId: decodeURIComponent(match[1] ?? ''),
          replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
          activity: body as Record<string, unknown>,
          authorization: req.headers.authorization,
          at: performance.now(),
        });
        if (isUpdate) send(res, 200, { id: decodeURIComponent(match[2] ?? '') });
        else send(res, 201, { id: `activity-${nextId++}` });
      })
      .catch(() => send(res, 400, { error: { code: 'BadArgument', message: 'body is not JSON' } }));
  });

  server.on('connection', () => void (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url: base,
    openIdMetadataUrl: `${base}openid/.well-known/openidconfiguration`,
    signingKey: { kid, privateKey },
    activities,
    updates,
    attempts,
    get connections() {
      return connections;
    },
    failNext: (...queued) => void failures.push(...queued),
    reset() {
      activities.length = 0;
      updates.length = 0;
      attempts.length = 0;
      failures.length = 0;
      connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
