// `npm run bench:slack`: sends signed Events API requests (DMs and @mentions with real questions) to
// POST /slack/events of the real Slack adapter on the service host, with every answer caught by the
// local fake Web API, and prints req/s and ack latency p50/p99 next to a bare node:http server that
// only reads the body and answers 200, measured on this machine in the same run. A second slack row sends
// message edits, which are verified, parsed and acknowledged but never answered: the ack path alone.
// The server under test runs in this process; the load generator and the fake Web API run in child
// processes, so the figures are the server's and not its clients'.
// Options: --requests N (default 4000), --concurrency C (32), --rounds R (5), --knowledge DIR.
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSlackAdapter, SLACK_EVENTS_PATH } from '../adapters/slack/app.js';
import { createServiceHost } from '../adapters/server.js';
import { createAssistant } from '../src/assistant.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLogger } from '../src/logger.js';
import { startFakeSlackWebApi } from '../test/fakes/slack-web-api.js';

const SECRET = 'bench-signing-secret';
const ACK_P99_TARGET_MS = 50;
const THROUGHPUT_TARGET = 0.5;

interface LoadJob {
  port: number;
  count: number;
  concurrency: number;
  questions: string[];
  /** Offsets event ids so that no two rounds reuse one. */
  offset: number;
  /** Message edits: signed and acknowledged, never answered (the ack path alone). */
  edits: boolean;
}

interface LoadResult {
  latencies: number[];
  elapsedMs: number;
  errors: number;
}

/** A signed event_callback: a DM or an @mention (or an edit of a DM), with a fresh event_id. */
function signedEvent(n: number, questions: readonly string[], edit: boolean): { body: string; headers: Record<string, string | number> } {
  const ts = `${1_700_000_000 + n}.000100`;
  const text = questions[n % questions.length] ?? 'roadmap';
  const user = `U${String(n % 89).padStart(8, '0')}`;
  const channel = `D${String(n % 97).padStart(8, '0')}`;
  const event = edit
    ? { type: 'message', subtype: 'message_changed', channel, channel_type: 'im', message: { type: 'message', user, text, ts }, ts, event_ts: ts }
    : n % 2 === 0
      ? { type: 'message', channel, channel_type: 'im', user, text, ts, event_ts: ts }
      : { type: 'app_mention', channel: 'C0BENCH01', user, text: `<@UBOTFAKE1> ${text}`, ts, event_ts: ts };
  const body = JSON.stringify({ type: 'event_callback', team_id: 'TFAKE0001', api_app_id: 'AFAKE0001', event_id: `EvBENCH${n}`, event_time: 1, event });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
  };
}

/** Sends `count` requests with `concurrency` in flight over keep-alive connections (runs in a worker). */
async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const one = (n: number): Promise<void> =>
    new Promise((resolve) => {
      const { body, headers } = signedEvent(n, job.questions, job.edits);
      const started = performance.now();
      const req = request({ port: job.port, host: '127.0.0.1', path: SLACK_EVENTS_PATH, method: 'POST', agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          if (res.statusCode !== 200) errors += 1;
          resolve();
        });
      });
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });
  const worker = async (): Promise<void> => {
    while (next < job.count) {
      next += 1;
      await one(job.offset + next);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { latencies, elapsedMs, errors };
}

/** Child process side: `load` runs load jobs; `fake` serves the fake Web API and reports its chat.postMessage count. */
async function childMain(role: string): Promise<void> {
  const send = (message: unknown): void => void process.send?.(message);
  if (role === 'load') {
    process.on('message', (job: LoadJob) => void runLoad(job).then(send));
    return;
  }
  const fake = await startFakeSlackWebApi();
  process.on('message', (message: string) => {
    if (message === 'count') send(fake.callsTo('chat.postMessage').length);
    if (message === 'exit') void fake.close().then(() => process.exit(0));
  });
  send(fake.apiUrl);
}

function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message as string);
  });
}

async function waitForReplies(fake: ChildProcess, count: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while ((await ask<number>(fake, 'count')) < count) {
    if (performance.now() > deadline) throw new Error(`the fake caught fewer than ${count} replies in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time of this process per request (user + system), answers included. */
  cpuUs: number;
  extra?: string;
}

function summarize(result: LoadResult, cpu: NodeJS.CpuUsage): Figures {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const count = result.latencies.length;
  return { rps: (count / result.elapsedMs) * 1000, p50: percentile(sorted, 50), p99: percentile(sorted, 99), errors: result.errors, cpuUs: (cpu.user + cpu.system) / count };
}

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '4000' },
      concurrency: { type: 'string', default: '32' },
      rounds: { type: 'string', default: '5' },
      knowledge: { type: 'string' },
    },
  });
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const rounds = Number(values.rounds);
  const knowledgeDir = values.knowledge ?? (existsSync('knowledge/phases.yaml') ? 'knowledge' : 'test/fixtures/knowledge');
  const questions = (JSON.parse(readFileSync('test/eval/questions.json', 'utf8')) as { cases: Array<{ q: string }> }).cases.map((c) => c.q);

  const self = fileURLToPath(import.meta.url);
  const fake = fork(self, ['fake'], { execArgv: ['--import', 'tsx'] });
  const loader = fork(self, ['load'], { execArgv: ['--import', 'tsx'] });
  const apiUrl = await new Promise<string>((resolve) => fake.once('message', (url) => resolve(url as string)));

  const knowledge = loadKnowledge(knowledgeDir);
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const logger = createLogger('info', quiet);
  const adapter = createSlackAdapter({
    config: { botToken: 'xoxb-bench', signingSecret: SECRET, appToken: undefined, apiUrl },
    assistant: createAssistant({ knowledge }),
    logger,
  });
  const host = createServiceHost({ adapters: [adapter], logger });
  const slackPort = await host.listen(0, '127.0.0.1');
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const barePort = (bare.address() as AddressInfo).port;

  let offset = 0;
  const load = async (port: number, count: number, edits = false): Promise<LoadResult> => {
    const result = await ask<LoadResult>(loader, { port, count, concurrency, questions, offset, edits } satisfies LoadJob);
    offset += count;
    return result;
  };

  const warmup = Math.min(1000, requests);
  await load(barePort, warmup);
  await load(slackPort, warmup);
  await waitForReplies(fake, warmup, 60_000);

  const bareRuns: Figures[] = [];
  const ackRuns: Figures[] = [];
  const slackRuns: Figures[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const bareCpu = process.cpuUsage();
    const bareResult = await load(barePort, requests);
    bareRuns.push(summarize(bareResult, process.cpuUsage(bareCpu)));
    const ackCpu = process.cpuUsage();
    const ackResult = await load(slackPort, requests, true);
    ackRuns.push(summarize(ackResult, process.cpuUsage(ackCpu)));
    const before = await ask<number>(fake, 'count');
    const started = performance.now();
    const slackCpu = process.cpuUsage();
    const slackResult = await load(slackPort, requests);
    await waitForReplies(fake, before + requests, 120_000);
    const figures = summarize(slackResult, process.cpuUsage(slackCpu));
    const endToEnd = performance.now() - started;
    figures.extra = `${requests}/${requests} replies caught by the fake in ${(endToEnd / 1000).toFixed(2)} s (${Math.round((requests / endToEnd) * 1000)} answers/s)`;
    slackRuns.push(figures);
  }

  const row = (name: string, f: Figures): string =>
    `${name.padEnd(22)} ${String(Math.round(f.rps)).padStart(8)} ${f.p50.toFixed(2).padStart(9)} ${f.p99.toFixed(2).padStart(9)} ${String(Math.round(f.cpuUs)).padStart(12)} ${String(f.errors).padStart(7)}  ${f.extra ?? ''}`;
  const lines = [
    `bench:slack — ${requests} signed events a round (DMs and @mentions, ${questions.length} questions), ${concurrency} in flight, ${rounds} rounds`,
    `knowledge: ${knowledgeDir} (${knowledge.entries.length} entries); node ${process.version}; logs at info to a null stream`,
    '',
    `${'server'.padEnd(22)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'CPU µs/req'.padStart(12)} ${'errors'.padStart(7)}`,
  ];
  bareRuns.forEach((f, i) => lines.push(row(`bare node:http #${i + 1}`, f)));
  ackRuns.forEach((f, i) => lines.push(row(`slack, edits only #${i + 1}`, f)));
  slackRuns.forEach((f, i) => lines.push(row(`slack, answered #${i + 1}`, f)));
  const bareRps = median(bareRuns.map((f) => f.rps));
  const bareCpu = median(bareRuns.map((f) => f.cpuUs));
  const verdict = (name: string, runs: Figures[]): string[] => {
    const rps = median(runs.map((f) => f.rps));
    const p99 = median(runs.map((f) => f.p99));
    const ratio = rps / bareRps;
    return [
      `${name}: ${Math.round(rps)} req/s = ${(ratio * 100).toFixed(0)}% of bare (target ≥ ${THROUGHPUT_TARGET * 100}%: ${ratio >= THROUGHPUT_TARGET ? 'met' : 'MISSED'}); ` +
        `ack p99 ${p99.toFixed(2)} ms (target < ${ACK_P99_TARGET_MS} ms: ${p99 < ACK_P99_TARGET_MS ? 'met' : 'MISSED'}); ` +
        `CPU ${Math.round(median(runs.map((f) => f.cpuUs)))} µs/req vs bare ${Math.round(bareCpu)}`,
    ];
  };
  lines.push('', 'medians:', ...verdict('  slack, edits only (ack path)', ackRuns), ...verdict('  slack, answered (ack + answer)', slackRuns));
  process.stdout.write(`${lines.join('\n')}\n`);

  await host.close();
  await new Promise<void>((resolve) => bare.close(() => resolve()));
  fake.send('exit');
  loader.kill();
}

const role = process.argv[2];
if (role === 'load' || role === 'fake') {
  void childMain(role);
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
