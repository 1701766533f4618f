// Shared test set-up for the notices: the fixture knowledge and deadlines, a fake clock, a temporary data
// directory per test, and a fake delivery that records what it was asked to send.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/clock.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadDeadlines } from '../../src/notices/deadlines.js';
import type { DeliveryCheck, DeliveryResult, NoticeDelivery } from '../../src/notices/delivery.js';
import type { NoticeReply } from '../../src/reply.js';
import type { ChannelRef, NoticeKey } from '../../src/storage/storage.js';

export const knowledge = loadKnowledge('test/fixtures/knowledge');
export const deadlines = loadDeadlines(knowledge, 'test/fixtures/notices/deadlines.yaml');
export const ZONE = 'Europe/Amsterdam';

/** A clock that only moves when told. */
export interface FakeClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function createFakeClock(iso: string): FakeClock {
  let now = new Date(iso).getTime();
  return {
    now: () => new Date(now),
    set: (next) => {
      now = new Date(next).getTime();
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** A fresh directory for a database file; removed by the returned cleanup. */
export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'notices-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SentNotice {
  target: ChannelRef;
  notice: NoticeReply;
  key: NoticeKey;
}

/** A delivery that records every send and answers with the next scripted result (ok when none is left). */
export function createFakeDelivery(script: Array<DeliveryResult | Error> = []): NoticeDelivery & { sent: SentNotice[]; attempts: number; check?: DeliveryCheck } {
  const fake = {
    sent: [] as SentNotice[],
    attempts: 0,
    check: undefined as DeliveryCheck | undefined,
    async send(target: ChannelRef, notice: NoticeReply, key: NoticeKey): Promise<DeliveryResult> {
      fake.attempts += 1;
      const next = script.shift() ?? { status: 'ok' };
      if (next instanceof Error) throw next;
      if (next.status === 'ok') fake.sent.push({ target, notice, key });
      return next;
    },
  };
  return fake;
}

/** A logger that keeps the lines, to assert on warnings. */
export function createMemoryLogger(): { lines: Array<{ level: string; msg: string; data: unknown }> } & Record<'debug' | 'info' | 'warn' | 'error', (data: unknown, msg?: string) => void> {
  const lines: Array<{ level: string; msg: string; data: unknown }> = [];
  const at = (level: string) => (data: unknown, msg?: string) => {
    lines.push({ level, msg: msg ?? String(data), data });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
