import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceHost, readBody, type ServiceHost } from '../../adapters/server.js';
import { createLogger } from '../../src/logger.js';

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
    expect(await res.json()).toEqual({ status: 'ok', adapters: ['echo'], entries: 4 });
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

describe('npm start', () => {
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

  it('refuses to start on invalid configuration, naming the variable', () => {
    const result = start({ PORT: 'eighty', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/SLACK_SIGNING_SECRET/);
    expect(result.stderr).not.toContain('xoxb-1');
  });
});
