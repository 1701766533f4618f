// The service host: one node:http server on PORT that serves /healthz and the routes of every surface
// adapter (Slack at /slack/events, Teams at /api/messages), with a body-size limit and graceful shutdown.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
}

/** Largest request body any route accepts; Slack and Bot Framework payloads stay far below it. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request body up to `limit` bytes; rejects with code `BODY_TOO_LARGE` beyond it. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw Object.assign(new Error('Request body too large'), { code: 'BODY_TOO_LARGE' });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** Creates the host; adapters are mounted by path and method. */
export function createServiceHost(options: ServiceHostOptions): ServiceHost {
  const { adapters, logger } = options;
  const routes = new Map<string, HttpRoute>();
  for (const adapter of adapters) {
    for (const route of adapter.routes) routes.set(`${route.method} ${route.path}`, route);
  }
  // The privacy statement and terms of use that the Teams manifest links to, made from the README.
  for (const route of createLegalRoutes()) routes.set(`${route.method} ${route.path}`, route);

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, { status: 'ok', adapters: adapters.map((a) => a.name), ...options.health?.() });
      return;
    }
    const route = routes.get(`${req.method} ${path}`);
    if (!route) {
      const known = [...routes.values()].some((r) => r.path === path);
      sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
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

  return {
    server,
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      for (const adapter of adapters) await adapter.start?.();
      return (server.address() as AddressInfo).port;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      for (const adapter of adapters) await adapter.stop?.();
    },
  };
}
