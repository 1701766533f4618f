// The service host: one node:http server on PORT that serves /healthz and the routes of every surface
// adapter (Slack at /slack/events, Teams at /api/messages), with a body-size limit and graceful shutdown.
// A surface whose start fails (Slack's auth.test while the network is down) is retried in the background:
// the other surfaces keep serving, its routes answer 503 until it is on, and /healthz shows each state.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CodedError } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import { createLegalRoutes } from './legal.js';

/** One HTTP route of a surface adapter. */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

/** A surface (Slack, Teams, …) as the host sees it: its routes plus optional start/stop hooks. */
export interface SurfaceAdapter {
  name: string;
  routes: readonly HttpRoute[];
  /** Starts connections that are not HTTP routes (e.g. Slack Socket Mode). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export interface ServiceHost {
  readonly server: Server;
  /** The state of each surface by name. */
  surfaces(): Record<string, SurfaceStatus>;
  /** Listens on `port` (0 picks a free one) and resolves to the port in use. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting requests, lets running ones finish, then stops the adapters. */
  close(): Promise<void>;
}

export interface ServiceHostOptions {
  adapters: readonly SurfaceAdapter[];
  logger: Logger;
  /** Extra fields for /healthz, e.g. the knowledge size. */
  health?: () => Record<string, unknown>;
  /** Checks for /healthz (e.g. a database write test); one that rejects makes the service unhealthy (503). */
  checks?: Record<string, () => Promise<void>>;
  /** How long a check result is kept; /healthz runs each check at most this often. */
  checkCacheMs?: number;
  /** First delay before a failed surface start is tried again; it doubles up to five minutes. */
  retryStartMs?: number;
  /** How long `listen` waits for the surfaces' first start attempts; until they end when left out. */
  startWaitMs?: number;
}

/** Where a surface stands: `starting` (first attempt running), `on`, or `retrying` after a failed start. */
export interface SurfaceStatus {
  state: 'starting' | 'on' | 'retrying';
  /** Why the last start failed, while retrying. */
  error?: string;
  /** When the next start attempt is due, while retrying. */
  nextAttemptAt?: string;
}

/** A failed check, or a surface not on, for /healthz. */
interface CheckResult {
  ok: boolean;
  error?: string;
  at: number;
}

/** Largest request body any route accepts; Slack and Bot Framework payloads stay far below it. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request body up to `limit` bytes; rejects with code `BODY_TOO_LARGE` beyond it. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData).resume();
      reject(new CodedError('BODY_TOO_LARGE', `Request body over ${limit} bytes`));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

const MAX_RETRY_START_MS = 5 * 60_000;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Creates the host; adapters are mounted by path and method. */
export function createServiceHost(options: ServiceHostOptions): ServiceHost {
  const { adapters, logger } = options;
  const routes = new Map<string, { route: HttpRoute; adapter: SurfaceAdapter }>();
  for (const adapter of adapters) {
    for (const route of adapter.routes) routes.set(`${route.method} ${route.path}`, { route, adapter });
  }
  // The privacy statement and terms of use that the Teams manifest links to, made from the README.
  const legal = new Map(createLegalRoutes().map((route) => [route.path as string, route]));
  const status = new Map<string, SurfaceStatus>(adapters.map((a) => [a.name, { state: 'starting' }]));
  const retryTimers = new Set<NodeJS.Timeout>();
  let closing = false;
  let listened = false;

  const checkCacheMs = options.checkCacheMs ?? 10_000;
  const checkResults = new Map<string, CheckResult>();
  const runCheck = async (name: string, check: () => Promise<void>): Promise<CheckResult> => {
    const cached = checkResults.get(name);
    if (cached && Date.now() - cached.at < checkCacheMs) return cached;
    const result: CheckResult = await check().then(
      () => ({ ok: true, at: Date.now() }),
      (error: unknown) => ({ ok: false, error: messageOf(error), at: Date.now() }),
    );
    if (!result.ok && cached?.ok !== false) logger.error({ check: name, error: result.error }, `health check failed: ${name}`);
    checkResults.set(name, result);
    return result;
  };

  const healthz = async (res: ServerResponse): Promise<void> => {
    const checks: Record<string, { status: 'ok' | 'unhealthy'; error?: string }> = {};
    for (const [name, check] of Object.entries(options.checks ?? {})) {
      const result = await runCheck(name, check);
      checks[name] = result.ok ? { status: 'ok' } : { status: 'unhealthy', error: result.error };
    }
    const surfaces = Object.fromEntries(status);
    const unhealthy = Object.values(checks).some((c) => c.status !== 'ok');
    const degraded = Object.values(surfaces).some((s) => s.state !== 'on');
    // A surface that is retrying does not make the instance unhealthy: the other surfaces still serve.
    sendJson(res, unhealthy ? 503 : 200, {
      status: unhealthy ? 'unhealthy' : degraded ? 'degraded' : 'ok',
      adapters: adapters.map((a) => a.name),
      surfaces,
      ...checks,
      ...options.health?.(),
    });
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      healthz(res).catch((error: unknown) => {
        logger.error({ err: error }, '/healthz failed');
        if (!res.headersSent) sendJson(res, 500, { status: 'unhealthy' });
      });
      return;
    }
    const page = req.method === 'GET' ? legal.get(path) : undefined;
    if (page) return page.handle(req, res);
    const found = routes.get(`${req.method} ${path}`);
    if (!found) {
      const known = [...routes.values()].some((r) => r.route.path === path);
      sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      return;
    }
    const { route, adapter } = found;
    const surface = status.get(adapter.name);
    if (surface?.state !== 'on') {
      // The platform retries a 503; by then the surface may be on.
      res.setHeader('retry-after', '30');
      sendJson(res, 503, { error: `${adapter.name} is not connected yet` });
      return;
    }
    Promise.resolve()
      .then(() => route.handle(req, res))
      .catch((error: unknown) => {
        logger.error({ err: error, path }, 'request handler failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  /** One start attempt; on failure the next one is scheduled, with a doubling delay. */
  const startSurface = async (adapter: SurfaceAdapter, delayMs: number): Promise<void> => {
    try {
      await adapter.start?.();
      if (closing) return;
      const before = status.get(adapter.name)?.state;
      status.set(adapter.name, { state: 'on' });
      // The start-up lines told of this surface as not on yet: say that it is on now.
      if (before === 'retrying') logger.info({ surface: adapter.name, state: 'on' }, `${adapter.name}: on (connected after retrying)`);
      else if (listened) logger.info({ surface: adapter.name, state: 'on' }, `${adapter.name}: on (connected)`);
    } catch (error) {
      if (closing) return;
      const next = Math.min(MAX_RETRY_START_MS, delayMs);
      status.set(adapter.name, { state: 'retrying', error: messageOf(error), nextAttemptAt: new Date(Date.now() + next).toISOString() });
      logger.warn(
        { surface: adapter.name, state: 'retrying', error: messageOf(error), retryInMs: next },
        `${adapter.name}: cannot connect (${messageOf(error)}); retrying in the background, the other surfaces keep working`,
      );
      const timer = setTimeout(() => {
        retryTimers.delete(timer);
        void startSurface(adapter, next * 2);
      }, next);
      retryTimers.add(timer);
    }
  };

  return {
    server,
    surfaces: () => Object.fromEntries(status),
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const firstDelay = options.retryStartMs ?? 5_000;
      const attempts = Promise.all(adapters.map((adapter) => startSurface(adapter, firstDelay)));
      if (options.startWaitMs === undefined) await attempts;
      else {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([attempts, new Promise<void>((resolve) => (timer = setTimeout(resolve, options.startWaitMs)))]);
        clearTimeout(timer);
      }
      listened = true;
      return (server.address() as AddressInfo).port;
    },
    async close() {
      closing = true;
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      for (const adapter of adapters) await adapter.stop?.();
    },
  };
}
