// `npm run bench:slack`: the Slack adapter next to a minimal Bolt app, in one run. Both get signed
// Events API direct messages over HTTP and post their reply to the same local fake Web API: the adapter
// answers real questions through the assistant; the Bolt app answers every DM with a fixed Block Kit
// message of the same size on the wire through say(). A bare node:http server that acks and posts the same fixed
// message with fetch() is the reference row. Each conversation sends a DM, waits for the reply to reach
// the fake, then sends the next; the figures are answered events per second and the time from request
// to reply posted (p50/p99), at 1, 10 and 100 concurrent conversations, and the adapter/Bolt ratio.
// The servers run in this process; the load generator and the fake Web API share a child process.
// At saturation (the next DM as soon as the reply is there) the time to reply is the number of
// conversations over the throughput, so a paced run follows at the top level: each conversation sends one DM a
// second, as people would, and its p99 is what the 100 ms target is about.
// Servers take turns at each level, round after round, so that a busy machine weighs on all of them alike.
// Options: --requests N a server, level and round (default 600), --rounds R (5), --levels 1,10,100,
// --paced-seconds S (5), --servers adapter,bolt,bare, --knowledge DIR.
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringify as stringifyQuery } from 'node:querystring';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { App, LogLevel, type types } from '@slack/bolt';
import { createSlackAdapter, SLACK_EVENTS_PATH } from '../adapters/slack/app.js';
import { renderSlackMessage } from '../adapters/slack/render.js';
import { createServiceHost, readBody } from '../adapters/server.js';
import { createAssistant } from '../src/assistant.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLogger } from '../src/logger.js';
import { startFakeSlackWebApi } from '../test/fakes/slack-web-api.js';

const SECRET = 'bench-signing-secret';
const TOKEN = 'xoxb-bench';
const RATIO_TARGET = 0.8;
const P99_TARGET_MS = 100;

interface LoadJob {
  port: number;
  path: string;
  count: number;
  conversations: number;
  questions: string[];
  /** Makes event ids and channels unique across jobs. */
  offset: number;
  /** When set, each conversation sends one DM every `paceMs` (spread evenly), instead of at once after the reply. */
  paceMs?: number;
}

interface LoadResult {
  latencies: number[];
  elapsedMs: number;
  errors: number;
}

/** A signed DM event_callback in conversation `channel`. */
function signedDm(n: number, channel: string, text: string): { body: string; headers: Record<string, string | number> } {
  const ts = `${1_700_000_000 + n}.000100`;
  const event = { type: 'message', channel, channel_type: 'im', user: `U${channel.slice(1)}`, text, ts, event_ts: ts };
  const body = JSON.stringify({ type: 'event_callback', team_id: 'TFAKE0001', api_app_id: 'AFAKE0001', event_id: `EvBENCH${n}`, event_time: 1, event });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
  };
}

/** Child process: the fake Web API, and the conversations that talk to a server and wait for its replies. */
async function childMain(): Promise<void> {
  const send = (message: unknown): void => void process.send?.(message);
  const waiting = new Map<string, () => void>();
  const fake = await startFakeSlackWebApi({
    record: false,
    onCall: (call) => {
      if (call.method !== 'chat.postMessage') return;
      const channel = String(call.args.channel);
      waiting.get(channel)?.();
      waiting.delete(channel);
    },
  });

  async function runLoad(job: LoadJob): Promise<LoadResult> {
    const agent = new Agent({ keepAlive: true, maxSockets: job.conversations });
    const latencies: number[] = [];
    let errors = 0;
    let sent = 0;
    const post = (n: number, channel: string): Promise<void> =>
      new Promise((resolve) => {
        const { body, headers } = signedDm(n, channel, job.questions[n % job.questions.length] ?? 'roadmap');
        const req = request({ port: job.port, host: '127.0.0.1', path: job.path, method: 'POST', agent, headers }, (res) => {
          if (res.statusCode !== 200) errors += 1;
          res.resume().on('end', resolve);
        });
        req.on('error', () => {
          errors += 1;
          resolve();
        });
        req.end(body);
      });
    const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
    const conversation = async (k: number): Promise<void> => {
      const channel = `D${String(job.offset + k).padStart(8, '0')}`;
      let next = performance.now() + (job.paceMs === undefined ? 0 : (k * job.paceMs) / job.conversations);
      while (sent < job.count) {
        if (job.paceMs !== undefined) {
          await pause(next - performance.now());
          next += job.paceMs;
        }
        sent += 1;
        const n = job.offset + sent;
        const started = performance.now();
        const replied = new Promise<void>((resolve) => waiting.set(channel, resolve));
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
        await post(n, channel);
        if ((await Promise.race([replied, timeout])) === 'timeout') errors += 1;
        else latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: job.conversations }, (_, k) => conversation(k)));
    const elapsedMs = performance.now() - started;
    agent.destroy();
    return { latencies, elapsedMs, errors };
  }

  process.on('message', (message: LoadJob | 'exit') => {
    if (message === 'exit') void fake.close().then(() => process.exit(0));
    else void runLoad(message).then(send);
  });
  send(fake.apiUrl);
}

function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message as object);
  });
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const median = (list: readonly number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU time of the server process (user + system) per answered event: steadier than the wall clock on a busy machine. */
  cpuUs: number;
  errors: number;
}

function summarize(result: LoadResult, cpu: NodeJS.CpuUsage): Figures {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const answered = Math.max(1, result.latencies.length);
  return {
    perSecond: (result.latencies.length / result.elapsedMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuUs: (cpu.user + cpu.system) / answered,
    errors: result.errors,
  };
}

type FixedMessage = { text: string; blocks: types.KnownBlock[] };

/** The length of a chat.postMessage body as WebClient sends it: form-encoded, the blocks as JSON. */
function wireSize(args: Record<string, unknown>): number {
  const { blocks, ...rest } = args;
  return stringifyQuery({ channel: 'D00000000', ...rest, blocks: JSON.stringify(blocks) } as Record<string, string>).length;
}

/** A fixed Block Kit message whose chat.postMessage body is `size` characters long, as the adapter's are on average. */
function fixedMessage(size: number): FixedMessage {
  const make = (n: number): FixedMessage => {
    const filler = 'Erasmus+ KA2 partnerschap stap voor stap. '.repeat(Math.ceil(n / 42)).slice(0, n);
    const sections = filler.match(/[\s\S]{1,2900}/g) ?? [''];
    return {
      text: 'Fixed answer',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Fixed answer' } },
        ...sections.map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } })),
        { type: 'actions', elements: [{ type: 'button', action_id: 'fixed:1', text: { type: 'plain_text', text: 'Open' }, value: 'cmd:roadmap' }] },
      ] as types.KnownBlock[],
    };
  };
  let n = 0;
  while (wireSize(make(n + 1)) <= size) n += 1;
  return make(n);
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '600' },
      rounds: { type: 'string', default: '5' },
      levels: { type: 'string', default: '1,10,100' },
      'paced-seconds': { type: 'string', default: '5' },
      servers: { type: 'string', default: 'adapter,bolt,bare' },
      knowledge: { type: 'string' },
    },
  });
  const requests = Number(values.requests);
  const rounds = Number(values.rounds);
  const levels = values.levels.split(',').map(Number);
  const top = Math.max(...levels);
  const pacedCount = Math.round(Number(values['paced-seconds']) * top);
  const knowledgeDir = values.knowledge ?? (existsSync('knowledge/phases.yaml') ? 'knowledge' : 'test/fixtures/knowledge');
  const questions = (JSON.parse(readFileSync('test/eval/questions.json', 'utf8')) as { cases: Array<{ q: string }> }).cases.map((c) => c.q);

  const child = fork(fileURLToPath(import.meta.url), ['child'], { execArgv: ['--import', 'tsx'] });
  const apiUrl = await new Promise<string>((resolve) => child.once('message', (url) => resolve(url as string)));

  // The adapter: the real assistant, logging at info as in production (to a null stream).
  const knowledge = loadKnowledge(knowledgeDir);
  const assistant = createAssistant({ knowledge });
  const logger = createLogger('info', new Writable({ write: (_chunk, _encoding, done) => done() }));
  const adapter = createSlackAdapter({ config: { botToken: TOKEN, signingSecret: SECRET, appToken: undefined, apiUrl }, assistant, logger });
  const host = createServiceHost({ adapters: [adapter], logger });
  const adapterPort = await host.listen(0, '127.0.0.1');

  // The size of the adapter's replies to these questions as they go out, for the fixed message of the others.
  const conversation = { platform: 'slack', channelId: 'D0', userId: 'U0', kind: 'personal' } as const;
  const sizes = await Promise.all(
    questions.map(async (text) => wireSize({ ...renderSlackMessage(await assistant.handle({ text, conversation })), unfurl_links: false, unfurl_media: false })),
  );
  const size = Math.round(sizes.reduce((sum, n) => sum + n, 0) / sizes.length);
  const fixed = fixedMessage(size);

  // The minimal Bolt app: its own HTTPReceiver and server, one listener that says the fixed message.
  const bolt = new App({ token: TOKEN, signingSecret: SECRET, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl } });
  bolt.message(async ({ say }) => {
    await say(fixed);
  });
  const boltServer = (await bolt.start(0)) as Server;
  const boltPort = (boltServer.address() as AddressInfo).port;

  // The reference: node:http acks and posts the fixed message with fetch(), no signature check.
  const body = JSON.stringify(fixed);
  const bare = createServer((req, res) => {
    void readBody(req).then((raw) => {
      res.writeHead(200).end();
      const channel = (JSON.parse(raw.toString('utf8')) as { event: { channel: string } }).event.channel;
      void fetch(`${apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${TOKEN}` },
        body: `{"channel":${JSON.stringify(channel)},${body.slice(1)}`,
      }).then((response) => response.arrayBuffer());
    });
  });
  const barePort = await listen(bare);

  const chosen = new Set(values.servers.split(','));
  const servers = [
    { id: 'adapter', name: 'adapter', port: adapterPort, path: SLACK_EVENTS_PATH },
    { id: 'bolt', name: 'minimal Bolt app', port: boltPort, path: '/slack/events' },
    { id: 'bare', name: 'bare node:http (ref)', port: barePort, path: '/' },
  ].filter((server) => chosen.has(server.id));
  let offset = 0;
  const load = async (server: (typeof servers)[number], count: number, conversations: number, paceMs?: number): Promise<Figures> => {
    const job: LoadJob = { port: server.port, path: server.path, count, conversations, questions, offset, ...(paceMs === undefined ? {} : { paceMs }) };
    const cpu = process.cpuUsage();
    const result = await ask<LoadResult>(child, job);
    offset += count + conversations;
    return summarize(result, process.cpuUsage(cpu));
  };

  for (const server of servers) await load(server, Math.min(500, requests), 10);
  const figures = new Map<string, Figures[]>();
  for (let round = 0; round < rounds; round += 1) {
    for (const level of levels) {
      for (const server of servers) {
        const key = `${level} ${server.name}`;
        figures.set(key, [...(figures.get(key) ?? []), await load(server, requests, level)]);
      }
    }
    for (const server of servers) {
      const key = `paced ${server.name}`;
      figures.set(key, [...(figures.get(key) ?? []), await load(server, pacedCount, top, 1000)]);
    }
  }

  const lines = [
    `bench:slack — ${requests} signed DMs a server, level and round; ${rounds} rounds (medians); node ${process.version}`,
    `knowledge: ${knowledgeDir} (${knowledge.entries.length} entries); chat.postMessage bodies of ${size} characters on average, the fixed message's ${wireSize(fixed)}`,
    '',
    `${'conversations'.padEnd(14)} ${'server'.padEnd(22)} ${'answered/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'CPU µs/ev'.padStart(9)} ${'errors'.padStart(7)}`,
  ];
  const at = (level: string, name: string): Figures => {
    const runs = figures.get(`${level} ${name}`) ?? [];
    const mid = (pick: (f: Figures) => number): number => median(runs.map(pick));
    return { perSecond: mid((f) => f.perSecond), p50: mid((f) => f.p50), p99: mid((f) => f.p99), cpuUs: mid((f) => f.cpuUs), errors: runs.reduce((sum, f) => sum + f.errors, 0) };
  };
  const row = (label: string, level: string, name: string): string => {
    const f = at(level, name);
    return `${label.padEnd(14)} ${name.padEnd(22)} ${f.perSecond.toFixed(0).padStart(10)} ${f.p50.toFixed(2).padStart(8)} ${f.p99.toFixed(2).padStart(8)} ${f.cpuUs.toFixed(0).padStart(9)} ${String(f.errors).padStart(7)}`;
  };
  const verdicts: string[] = [];
  for (const level of levels) {
    for (const server of servers) lines.push(row(String(level), String(level), server.name));
    const ours = at(String(level), 'adapter');
    const theirs = at(String(level), 'minimal Bolt app');
    const ratio = ours.perSecond / theirs.perSecond;
    verdicts.push(
      `  ${level} conversations at saturation: adapter/Bolt ratio ${ratio.toFixed(2)} (target ≥ ${RATIO_TARGET}: ${ratio >= RATIO_TARGET ? 'met' : 'MISSED'}); ` +
        `by CPU per event ${(theirs.cpuUs / ours.cpuUs).toFixed(2)}`,
    );
  }
  for (const server of servers) lines.push(row(`${top}, 1 DM/s`, 'paced', server.name));
  const paced = at('paced', 'adapter');
  verdicts.push(`  ${top} conversations, one DM a second each: adapter p99 ${paced.p99.toFixed(1)} ms (target < ${P99_TARGET_MS} ms: ${paced.p99 < P99_TARGET_MS ? 'met' : 'MISSED'}), Bolt p99 ${at('paced', 'minimal Bolt app').p99.toFixed(1)} ms`);
  lines.push('', ...verdicts);
  process.stdout.write(`${lines.join('\n')}\n`);

  await host.close();
  await bolt.stop();
  await new Promise<void>((resolve) => bare.close(() => resolve()));
  child.send('exit');
}

if (process.argv[2] === 'child') {
  void childMain();
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
