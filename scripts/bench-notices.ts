// `npm run bench:notices`: the time one scheduler tick takes to find the due notices among 10,000
// subscriptions (target < 50 ms), and the memory it uses. Wall time suffers when other processes share the
// CPU; the CPU time of the process is printed next to it. Two moments: a quiet tick (every planned
// notice already in the outbox) and the reminder moment when thousands of notices fall due at once.
// SQLite always; PostgreSQL too when DATABASE_URL is set (in a scratch schema that is dropped after), or
// one of them with `--backend sqlite|postgres`.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fixedClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { addDays } from '../src/notices/dates.js';
import { loadDeadlines } from '../src/notices/deadlines.js';
import type { NoticeDelivery } from '../src/notices/delivery.js';
import { createNoticeScheduler } from '../src/notices/scheduler.js';
import { openPostgresStorage } from '../src/storage/postgres.js';
import { openSqliteStorage } from '../src/storage/sqlite.js';
import type { Storage } from '../src/storage/storage.js';
import type { Platform } from '../src/input.js';

const { values } = parseArgs({
  options: { subscriptions: { type: 'string', default: '10000' }, runs: { type: 'string', default: '30' }, backend: { type: 'string' } },
});
// With --expose-gc (the runs per backend get it) the heap is measured without the garbage of the runs.
const gc = (globalThis as { gc?: () => void }).gc;
const total = Number(values.subscriptions);
const runs = Number(values.runs);
const zone = 'Europe/Amsterdam';
const knowledge = loadKnowledge('knowledge');
const deadlines = loadDeadlines(knowledge);
/** A store to measure: a fresh one, another connection to it (a second replica), and its removal. */
interface Target {
  name: string;
  storage: Storage;
  another(): Promise<Storage>;
  cleanup(): Promise<void>;
}

function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'bench-notices-'));
  return {
    name: 'SQLite',
    storage: openSqliteStorage(dir),
    another: async () => openSqliteStorage(dir),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(databaseUrl: string): Promise<Target> {
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    name: 'PostgreSQL',
    storage: await openPostgresStorage(url.toString()),
    another: () => openPostgresStorage(url.toString()),
    cleanup: () => admin(`DROP SCHEMA ${schema} CASCADE`),
  };
}

async function bench(target: Target): Promise<void> {
  const { storage } = target;
  const created = new Date('2026-11-26T10:00:00Z');

  const filling = performance.now();
  // 10,000 subscriptions over about 6,000 channels: every channel follows the calls, two in three also a project.
  let subscriptions = 0;
  let channels = 0;
  for (let i = 0; subscriptions < total; i += 1) {
    channels += 1;
    const platform: Platform = i % 2 === 0 ? 'slack' : 'teams';
    const ref = { platform, channelId: `C${String(i).padStart(6, '0')}` };
    const withProject = i % 3 !== 0 && subscriptions + 2 <= total;
    await storage.subscribe(ref, withProject ? ['calls', 'project'] : ['calls'], created);
    subscriptions += withProject ? 2 : 1;
    if (i % 10 === 0) await storage.saveChannelSettings(ref, { reminderDays: [14, 3], reminderTime: '08:30' }, created);
    if (withProject) {
      const start = addDays('2025-09-01', i % 365);
      await storage.saveProject(ref, { name: undefined, start, end: addDays(start, 730), interim: i % 2 ? addDays(start, 365) : undefined, finalReport: undefined }, created);
    }
  }

  const noDelivery: NoticeDelivery = { send: async () => ({ status: 'ok' }) };
  const schedulerAt = (at: Date) =>
    createNoticeScheduler({
      storage,
      knowledge,
      deadlines,
      deliveries: { slack: noDelivery, teams: noDelivery },
      clock: fixedClock(at),
      zone,
      intervalMs: 60_000,
      logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });

  async function measure(label: string, at: Date, beforeEachRun?: () => Promise<void>): Promise<number> {
    const scheduler = schedulerAt(at);
    const first = performance.now();
    await scheduler.findDue(at);
    if (label.startsWith('reminder moment')) {
      process.stdout.write(`${'first tick after start (reads everything)'.padEnd(50)} ${(performance.now() - first).toFixed(1)} ms\n`);
    }
    const times: number[] = [];
    const cpu: number[] = [];
    let found = 0;
    for (let run = 0; run < runs; run += 1) {
      await beforeEachRun?.();
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      found = (await scheduler.findDue(at)).length;
      const used = process.cpuUsage(cpuStart);
      times.push(performance.now() - start);
      cpu.push((used.user + used.system) / 1000);
    }
    const pick = (list: number[], q: number): string => ([...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0).toFixed(1);
    process.stdout.write(
      `${label.padEnd(50)} due ${String(found).padStart(6)}   wall median ${pick(times, 0.5)} ms, p95 ${pick(times, 0.95)} ms   cpu median ${pick(cpu, 0.5)} ms\n`,
    );
    return found;
  }

  // The 7-day notice of the KA220-VET 2027 deadline: 26 February 2027, 09:00 Amsterdam time.
  const reminderMoment = new Date('2027-02-26T08:00:00Z');
  gc?.();
  const memoryBefore = process.memoryUsage();
  process.stdout.write(`${target.name}: filled in ${((performance.now() - filling) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${target.name}: ${subscriptions} subscriptions in ${channels} channels, ${deadlines.length} call deadlines, ${runs} runs each\n`);
  await measure('reminder moment (nothing sent yet)', reminderMoment);

  // Record everything due at that moment as sent, as a tick would, then measure the quiet ticks after it.
  const filler = schedulerAt(reminderMoment);
  await filler.tick();
  await measure('quiet tick a minute later (all in outbox)', new Date(reminderMoment.getTime() + 60_000));
  await measure('quiet tick on an ordinary day', new Date('2027-01-12T10:17:00Z'));
  // A subscription changed since the last tick: the list is read from the database again.
  let change = 0;
  await measure('ordinary day, right after a subscription change', new Date('2027-01-12T10:17:00Z'), async () => {
    change += 1;
    await storage.saveChannelSettings({ platform: 'slack', channelId: 'C000000' }, { reminderDays: [30, 7, change % 2 === 0 ? 1 : 2] }, created);
  });
  // Another replica (a second connection) committed: the changed channel is read again, whoever wrote it.
  const replica = await target.another();
  await measure('ordinary day, after another replica wrote', new Date('2027-01-12T10:17:00Z'), async () => {
    change += 1;
    await replica.saveChannelSettings({ platform: 'teams', channelId: 'C000001' }, { reminderDays: [30, 7, change % 2 === 0 ? 1 : 2] }, created);
  });
  await replica.close();

  gc?.();
  const memory = process.memoryUsage();
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  process.stdout.write(`memory: rss ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}${gc ? ' after a full GC' : ''} (heap grew ${mb(memory.heapUsed - memoryBefore.heapUsed)} during the runs)\n`);
  process.stdout.write(`outbox rows: ${(await storage.listOutbox({ limit: 1_000_000 })).length}\n`);
  await storage.close();
  await target.cleanup();
}

const databaseUrl = loadConfig().databaseUrl;
if (values.backend === 'sqlite') await bench(sqliteTarget());
else if (values.backend === 'postgres' && databaseUrl) await bench(await postgresTarget(databaseUrl));
else if (values.backend !== undefined) {
  process.stderr.write(values.backend === 'postgres' ? 'set DATABASE_URL=postgres://… to measure PostgreSQL\n' : `unknown --backend ${values.backend}: sqlite or postgres\n`);
  process.exitCode = 2;
} else {
  // One process per backend, so that each one's memory figures are its own.
  for (const backend of databaseUrl ? ['sqlite', 'postgres'] : ['sqlite']) {
    const child = fork(process.argv[1] ?? '', [...process.argv.slice(2), '--backend', backend], { stdio: 'inherit', execArgv: [...process.execArgv, '--expose-gc'] });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) process.exitCode = code ?? 1;
  }
}
