// `npm start` serves the chat page from the same HTTP server, and names its address in the start-up log;
// `WEB_CHAT=off` leaves it out.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../notices/helpers.js';

/** Starts the service on a free port; resolves with the port and the log so far, and a stop function. */
async function startService(env: Record<string, string>): Promise<{ port: number; log: string[]; stop: () => Promise<void> }> {
  const data = tempDataDir();
  const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: data.dir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    data.cleanup();
  };
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const entry = JSON.parse(line) as { msg: string; port?: number };
        log.push(entry.msg);
        if (entry.msg.startsWith('service started') && entry.port) resolve(entry.port);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`service exited with ${code}: ${log.join('\n')}`)));
  });
  return { port, log, stop };
}

describe('npm start', { timeout: 90_000 }, () => {
  it('serves the chat page at / and gives its address, or leaves it out with WEB_CHAT=off', async () => {
    const [on, off] = await Promise.all([startService({}), startService({ WEB_CHAT: 'off' })]);
    try {
      const page = await fetch(`http://127.0.0.1:${on.port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('id="chat-config"');
      expect(on.log.find((line) => line.startsWith('service started'))).toContain(`http://127.0.0.1:${on.port}/`);
      expect(on.log).toContain(`web: on (http://127.0.0.1:${on.port}/)`);
      expect((await fetch(`http://127.0.0.1:${off.port}/`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${off.port}/web/api/message`, { method: 'POST' })).status).toBe(404);
      expect(off.log.filter((line) => line.startsWith('web:'))).toEqual([]);
    } finally {
      await Promise.all([on.stop(), off.stop()]);
    }
  });
});
