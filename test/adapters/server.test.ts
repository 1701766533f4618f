import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceHost, readBody, type ServiceHost, type SurfaceAdapter } from '../../adapters/server.js';
import { createLogger } from '../../src/logger.js';
import { openSqliteStorage } from '../../src/storage/sqlite.js';

describe('the service host', () => {
  let host: ServiceHost;
  let base: string;
  const seen: string[] = [];

  beforeAll(async () => {
    host = createServiceHost({
      logger: createLogger('silent'),
      health: () => ({ entries: 4 }),
      adapters: [
        {
          name: 'echo',
          routes: [
            {
              method: 'POST',
              path: '/echo',
              async handle(req, res) {
                const body = await readBody(req, 1024).catch((error: { code?: string }) => error);
                if (!Buffer.isBuffer(body)) {
                  res.writeHead(413).end(body.code);
                  return;
                }
                seen.push(body.toString());
                res.writeHead(200).end(body);
              },
            },
            { method: 'POST', path: '/boom', handle: () => Promise.reject(new Error('kaboom')) },
          ],
        },
      ],
    });
    base = `http://127.0.0.1:${await host.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => host.close());

  it('answers /healthz with the adapters and the knowledge size', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', adapters: ['echo'], surfaces: { echo: { state: 'on' } }, entries: 4 });
  });

  it('routes by method and path', async () => {
    const res = await fetch(`${base}/echo?x=1`, { method: 'POST', body: 'hallo' });
    expect(await res.text()).toBe('hallo');
    expect((await fetch(`${base}/echo`)).status).toBe(405);
    expect((await fetch(`${base}/nowhere`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses a body over the limit', async () => {
    const res = await fetch(`${base}/echo`, { method: 'POST', body: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
    expect(await res.text()).toBe('BODY_TOO_LARGE');
  });

  it('turns a failing handler into a 500 without details, and keeps serving', async () => {
    const res = await fetch(`${base}/boom`, { method: 'POST' });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('kaboom');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('a surface that cannot connect at start', () => {
  it('is retried in the background while the other surfaces serve, and /healthz shows each state', async () => {
    let attempts = 0;
    const flaky: SurfaceAdapter = {
      name: 'flaky',
      routes: [{ method: 'POST', path: '/flaky', handle: (_req, res) => void res.writeHead(200).end('flaky here') }],
      async start() {
        attempts += 1;
        if (attempts < 3) throw new Error('auth.test failed: getaddrinfo ENOTFOUND slack.com');
      },
    };
    const steady: SurfaceAdapter = { name: 'steady', routes: [{ method: 'POST', path: '/steady', handle: (_req, res) => void res.writeHead(200).end('steady here') }] };
    const host = createServiceHost({ adapters: [flaky, steady], logger: createLogger('silent'), retryStartMs: 150 });
    const base = `http://127.0.0.1:${await host.listen(0, '127.0.0.1')}`;
    try {
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'degraded',
        surfaces: { flaky: { state: 'retrying', error: 'auth.test failed: getaddrinfo ENOTFOUND slack.com' }, steady: { state: 'on' } },
      });
      expect(await (await fetch(`${base}/steady`, { method: 'POST' })).text()).toBe('steady here');
      const early = await fetch(`${base}/flaky`, { method: 'POST' });
      expect(early.status).toBe(503);
      expect(early.headers.get('retry-after')).toBe('30');

      await expect.poll(() => attempts, { timeout: 5000 }).toBe(3);
      expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok', surfaces: { flaky: { state: 'on' }, steady: { state: 'on' } } });
      expect(await (await fetch(`${base}/flaky`, { method: 'POST' })).text()).toBe('flaky here');
    } finally {
      await host.close();
    }
  });

  it('does not hold up the start for a surface that answers slowly, and says when it is on', async () => {
    let release = (): void => undefined;
    const slow: SurfaceAdapter = {
      name: 'slow',
      routes: [{ method: 'POST', path: '/slow', handle: (_req, res) => void res.writeHead(200).end('slow here') }],
      start: () => new Promise<void>((resolve) => (release = resolve)),
    };
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    const host = createServiceHost({ adapters: [slow], logger: createLogger('info', sink), startWaitMs: 50 });
    const base = `http://127.0.0.1:${await host.listen(0, '127.0.0.1')}`;
    try {
      expect(host.surfaces()).toEqual({ slow: { state: 'starting' } });
      expect((await fetch(`${base}/slow`, { method: 'POST' })).status).toBe(503);
      release();
      await expect.poll(() => host.surfaces().slow?.state).toBe('on');
      expect(lines.map((line) => line.msg)).toContain('slow: on (connected)');
      expect(await (await fetch(`${base}/slow`, { method: 'POST' })).text()).toBe('slow here');
    } finally {
      await host.close();
    }
  });
});

describe('/healthz and the database', () => {
  it('reports a database that cannot be written as unhealthy, with 503', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'healthz-'));
    const writable = openSqliteStorage(dir);
    await writable.close();
    const readonly = openSqliteStorage(dir, { readonly: true });
    const host = createServiceHost({ adapters: [], logger: createLogger('silent'), checks: { database: () => readonly.checkHealth?.() ?? Promise.resolve() } });
    const base = `http://127.0.0.1:${await host.listen(0, '127.0.0.1')}`;
    try {
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unhealthy', database: { status: 'unhealthy', error: expect.stringMatching(/readonly database/) } });
    } finally {
      await host.close();
      await readonly.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a damaged database file as unhealthy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'healthz-'));
    const storage = openSqliteStorage(dir);
    for (let i = 0; i < 300; i++) await storage.subscribe({ platform: 'slack', channelId: `C${i}` }, ['calls'], new Date('2026-11-26T10:00:00Z'));
    await storage.close();
    const fd = openSync(join(dir, 'assistant.db'), 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x41), 0, 4096, 4096 * 3);
    closeSync(fd);
    const damaged = openSqliteStorage(dir);
    const host = createServiceHost({ adapters: [], logger: createLogger('silent'), checks: { database: () => damaged.checkHealth?.() ?? Promise.resolve() } });
    const base = `http://127.0.0.1:${await host.listen(0, '127.0.0.1')}`;
    try {
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unhealthy', database: { status: 'unhealthy', error: expect.stringMatching(/damaged/) } });
    } finally {
      await host.close();
      await damaged.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm start', { timeout: 60_000 }, () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('refuses to start on invalid knowledge, naming the file, entry and field', () => {
    const result = start({ KNOWLEDGE_DIR: 'test/fixtures/broken-knowledge', PORT: '0' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('entries/steps.yaml › interim-report › links[0].url');
  });

  const oneLine = (stderr: string): string => {
    const lines = stderr.trim().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(stderr).not.toMatch(/^\s+at /m);
    return lines[0] ?? '';
  };

  it('refuses a port in use with one line naming PORT and what to do', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = String((blocker.address() as { port: number }).port);
    const dir = mkdtempSync(join(tmpdir(), 'start-'));
    try {
      const result = start({ PORT: port, HOST: '127.0.0.1', DATA_DIR: dir });
      expect(result.status).toBe(1);
      expect(oneLine(result.stderr)).toBe(`PORT: port ${port} on 127.0.0.1 is already in use (is the service running already?). Stop the other process, or set PORT to a free port.`);
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['999.1.1.1', /^Invalid configuration[\s\S]*HOST: must be an IP address/],
    ['192.0.2.77', /^HOST: 192\.0\.2\.77 is not an address of this machine\. Set HOST to 0\.0\.0\.0/],
  ])('refuses HOST=%s without a stack trace, naming HOST', (host, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'start-'));
    try {
      const result = start({ PORT: '0', HOST: host, DATA_DIR: dir });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a damaged database with one line naming DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-'));
    try {
      const fd = openSync(join(dir, 'assistant.db'), 'w');
      writeSync(fd, Buffer.alloc(8192, 0x41));
      closeSync(fd);
      const result = start({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir });
      expect(result.status).toBe(1);
      expect(oneLine(result.stderr)).toMatch(/^DATA_DIR: cannot use the database .*assistant\.db: .*Check that the directory is writable, or move a damaged file away/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start on invalid configuration, naming the variable', () => {
    const result = start({ PORT: 'eighty', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/SLACK_SIGNING_SECRET/);
    expect(result.stderr).not.toContain('xoxb-1');
  });
});
