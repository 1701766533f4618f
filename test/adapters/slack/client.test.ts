import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackClientOptions } from '../../../adapters/slack/client.js';

/** A local server that echoes what it got, or answers with the status a path names (`/status/204`). */
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const status = Number(/\/status\/(\d+)/.exec(req.url ?? '')?.[1] ?? 200);
      if (status === 429) res.setHeader('retry-after', '7');
      res.writeHead(status, { 'content-type': 'application/json', 'x-echo': 'yes' });
      res.end(status === 204 ? undefined : JSON.stringify({ method: req.method, type: req.headers['content-type'], body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the Slack client's fetch", () => {
  const slackFetch = (): ((url: string, init: RequestInit) => Promise<Response>) => {
    const { fetch: f } = createSlackClientOptions({ apiUrl: `http://127.0.0.1:1/api/`, timeoutMs: 2000 });
    if (!f) throw new Error('no fetch');
    return (url, init) => f(url, init as Parameters<typeof f>[1]) as unknown as Promise<Response>;
  };

  it('sends a text body with its headers and gives back a Response with status, headers and body', async () => {
    const response = await slackFetch()(`${base}/api/chat.postMessage`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text":"héllo"}' });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get('x-echo')).toBe('yes');
    expect(await response.json()).toEqual({ method: 'POST', type: 'application/json', body: '{"text":"héllo"}' });
  });

  it('gives an empty body for 204 and a failed Response for a 500', async () => {
    expect(await (await slackFetch()(`${base}/status/204`, { method: 'POST', body: '' })).text()).toBe('');
    const failed = await slackFetch()(`${base}/status/500`, { method: 'POST', body: 'x' });
    expect(failed.ok).toBe(false);
    expect(failed.status).toBe(500);
  });

  it('sends any other body through fetch on the same pool', async () => {
    const form = new FormData();
    form.set('channel', 'C1');
    const response = await slackFetch()(`${base}/api/files.upload`, { method: 'POST', body: form });
    expect(((await response.json()) as { type: string }).type).toMatch(/^multipart\/form-data/);
  });

  it("turns a response_url's 429 into a rate-limited error with its Retry-After", async () => {
    await expect(slackFetch()(`${base}/status/429`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'SLACK_RATE_LIMITED', details: { retryAfterSeconds: 7 } });
  });

  it('fails as fetch does: "fetch failed" with the cause, or the reason of an abort', async () => {
    await expect(slackFetch()('http://127.0.0.1:1/api/auth.test', { method: 'POST', body: '' })).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(slackFetch()(`${base}/api/auth.test`, { method: 'POST', body: '', signal: controller.signal })).rejects.toThrow('stop');
  });
});
