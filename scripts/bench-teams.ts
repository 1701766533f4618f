// `npm run bench:teams`: posts Teams activities to POST /api/messages of the real Teams adapter and prints
// requests per second and latency next to three baselines measured in the same run: a bare node:http server
// that reads and parses the body and answers 200 (bare), one that also posts a short reply to the Bot
// Connector (bare-reply), and one that posts a reply of the adapter's size, a rendered answer card
// (bare-card). Each server runs alone in a child process; the load generator and the fake Bot Connector
// that catches the replies run in this process. All servers get the same keep-alive client connections,
// concurrency, payloads and warm-up, and rounds interleave them. Besides req/s and latency each line shows
// the CPU time per request of the server process and of the load process (load generator plus fake): on a
// small machine the load process can limit the bare server, so CPU per request is the steadier figure.
// Options: --requests N --rounds N --warmup N --concurrency N --knowledge DIR --profile DIR
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Agent, createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createAssistant } from '../src/assistant.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLogger } from '../src/logger.js';
import { createServiceHost, readBody } from '../adapters/server.js';
import { createTeamsAdapter } from '../adapters/teams/app.js';
import { renderTeamsMessage } from '../adapters/teams/render.js';
import { cardClickActivity, messageActivity } from '../test/adapters/teams/activities.js';
import { startFakeBotConnector } from '../test/fakes/bot-connector.js';

type ServerKind = 'bare' | 'bare-reply' | 'bare-card' | 'teams';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '3' },
    /** Requests sent to each server before the measured rounds (JIT, sockets, caches). */
    warmup: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '32' },
    knowledge: { type: 'string' },
    /** Writes a V8 CPU profile of each server to this directory. */
    profile: { type: 'string' },
  },
});
const knowledgeDir = args.knowledge ?? (existsSync('knowledge/phases.yaml') ? 'knowledge' : 'test/fixtures/knowledge');

/** Child process: serves one kind of server on a free port and reports the port. */
async function serve(kind: ServerKind): Promise<void> {
  // A normal exit lets --cpu-prof write its profile.
  process.on('SIGINT', () => process.exit(0));
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let port: number;
  if (kind === 'teams') {
    const logger = createLogger('silent');
    const assistant = createAssistant({ knowledge: loadKnowledge(knowledgeDir) });
    const adapter = createTeamsAdapter({ config: { appId: undefined, appPassword: undefined, appType: 'MultiTenant', tenantId: undefined, domain: undefined }, assistant, logger });
    port = await createServiceHost({ adapters: [adapter], logger }).listen(0, '127.0.0.1');
  } else {
    // bare-card replies with the card of a real answer, so that it sends as many bytes as the adapter.
    const card = kind === 'bare-card' ? await answerCard() : { text: 'ok' };
    const server = createServer((req, res) => {
      readBody(req)
        .then(async (raw) => {
          const activity = JSON.parse(raw.toString('utf8')) as { id: string; serviceUrl: string; conversation: { id: string } };
          if (kind !== 'bare') await postReply(agent, activity, card);
          res.writeHead(200, { 'content-length': 0 });
          res.end();
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }
  // The parent asks for this process's CPU time before and after each round.
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  });
  process.send?.({ port });
}

/** The message the adapter sends for the first question of the knowledge: an answer card. */
async function answerCard(): Promise<object> {
  const knowledge = loadKnowledge(knowledgeDir);
  const question = knowledge.entries[0]?.questions.nl[0] ?? 'help';
  const reply = await createAssistant({ knowledge }).handle({ text: question, conversation: { platform: 'teams', channelId: 'bench', userId: 'bench', kind: 'personal' } });
  return renderTeamsMessage(reply);
}

/** What a minimal bot does per message: one POST of a reply to the Bot Connector. */
function postReply(agent: Agent, activity: { id: string; serviceUrl: string; conversation: { id: string } }, message: object): Promise<void> {
  const body = JSON.stringify({ type: 'message', ...message, replyToId: activity.id, conversation: activity.conversation });
  const url = new URL(`v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities/${encodeURIComponent(activity.id)}`, activity.serviceUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Run {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  replies: number;
  /** CPU time of the server process during the round. */
  serverCpuMs: number;
  /** CPU time of this process (load generator and fake Bot Connector) during the round. */
  loadCpuMs: number;
  /** TCP connections the server opened to the fake Bot Connector during the round. */
  connectorConnections: number;
}

function post(agent: Agent, port: number, body: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends `total` requests from `concurrency` loops and times each one. */
async function load(port: number, payloads: readonly string[], total: number, concurrency: number): Promise<Pick<Run, 'requests' | 'errors' | 'seconds' | 'latenciesMs'>> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs: number[] = [];
  let next = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const body = payloads[next++ % payloads.length] ?? '';
        const t0 = process.hrtime.bigint();
        const res = await post(agent, port, body).catch(() => undefined);
        latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res?.statusCode !== 200) errors += 1;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { requests: total, errors, seconds, latenciesMs };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const rate = (run: Run): number => run.requests / run.seconds;
const sum = (runs: readonly Run[], field: (run: Run) => number): number => runs.reduce((total, run) => total + field(run), 0);

/** One line per server: median req/s over the rounds and its share of the bare server's, latency over all requests, CPU per request. */
function report(kind: ServerKind, runs: readonly Run[], bareRate: number): string {
  const sorted = runs.flatMap((run) => run.latenciesMs).sort((a, b) => a - b);
  const requests = sum(runs, (run) => run.requests);
  const cells = [
    kind.padEnd(11),
    `${median(runs.map(rate)).toFixed(0).padStart(6)} req/s`,
    `${((median(runs.map(rate)) / bareRate) * 100).toFixed(0).padStart(3)}% of bare`,
    `(rounds: ${runs.map((run) => rate(run).toFixed(0)).join(', ')})`,
    `p50 ${percentile(sorted, 50).toFixed(1).padStart(5)} ms`,
    `p95 ${percentile(sorted, 95).toFixed(1).padStart(5)} ms`,
    `p99 ${percentile(sorted, 99).toFixed(1).padStart(5)} ms`,
    `server CPU ${((sum(runs, (run) => run.serverCpuMs) / requests) * 1000).toFixed(0).padStart(4)} µs/req`,
    `load+fake CPU ${((sum(runs, (run) => run.loadCpuMs) / requests) * 1000).toFixed(0).padStart(4)} µs/req`,
    `errors ${sum(runs, (run) => run.errors)}`,
  ];
  if (kind !== 'bare') {
    cells.push(`replies caught ${sum(runs, (run) => run.replies)}/${requests}`, `connector connections ${sum(runs, (run) => run.connectorConnections)}`);
  }
  return cells.join('  ');
}

interface ServerProcess {
  kind: ServerKind;
  port: number;
  /** CPU time the server process has used so far, in ms. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts one server in its own process (optionally profiled). */
async function startServer(kind: ServerKind): Promise<ServerProcess> {
  const execArgv = args.profile ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${args.profile}`] : process.execArgv;
  const child = fork(process.argv[1] ?? '', process.argv.slice(2), { env: { ...process.env, BENCH_SERVER: kind }, execArgv, stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return {
    kind,
    port,
    cpuMs: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros / 1000));
        child.send('cpu');
      }),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    },
  };
}

async function main(): Promise<void> {
  const total = Number(args.requests);
  const concurrency = Number(args.concurrency);
  const rounds = Number(args.rounds);
  const fake = await startFakeBotConnector();
  const knowledge = loadKnowledge(knowledgeDir);
  const questions = knowledge.entries.flatMap((entry) => [...entry.questions.nl, ...entry.questions.en]);
  // Most traffic is questions in a personal chat; some are @mentions in a channel and button clicks.
  const payloads = questions.flatMap((question, i) => [
    JSON.stringify(messageActivity(fake.url, 'personal', question)),
    JSON.stringify(i % 3 === 0 ? messageActivity(fake.url, 'channel', question, true) : messageActivity(fake.url, 'personal', question)),
    JSON.stringify(cardClickActivity(fake.url, 'personal', `entry:${knowledge.entries[i % knowledge.entries.length]?.id ?? ''}`)),
  ]);
  process.stdout.write(
    `Teams adapter benchmark: ${rounds} rounds of ${total} requests per server after ${args.warmup} warm-up requests, concurrency ${concurrency} keep-alive connections, ` +
      `knowledge ${knowledgeDir} (${knowledge.entries.length} entries), node ${process.version}, ${availableParallelism()} CPUs\n`,
  );

  const kinds = ['bare', 'bare-reply', 'bare-card', 'teams'] as const;
  const servers: ServerProcess[] = [];
  for (const kind of kinds) servers.push(await startServer(kind));
  const runs = new Map<ServerKind, Run[]>(kinds.map((kind) => [kind, []]));
  try {
    for (const server of servers) await load(server.port, payloads, Number(args.warmup), concurrency);
    // Rounds interleave the servers, so that a noisy moment on the machine does not hit one server only.
    for (let round = 0; round < rounds; round++) {
      for (const server of servers) {
        fake.reset();
        const serverCpuBefore = await server.cpuMs();
        const loadCpuBefore = process.cpuUsage();
        const run = await load(server.port, payloads, total, concurrency);
        const loadCpu = process.cpuUsage(loadCpuBefore);
        const serverCpuMs = (await server.cpuMs()) - serverCpuBefore;
        runs.get(server.kind)?.push({
          ...run,
          replies: fake.activities.length,
          serverCpuMs,
          loadCpuMs: (loadCpu.user + loadCpu.system) / 1000,
          connectorConnections: fake.connections,
        });
      }
    }
  } finally {
    for (const server of servers) await server.stop();
    await fake.close();
  }
  const rps = (kind: ServerKind): number => median((runs.get(kind) ?? []).map(rate));
  for (const kind of kinds) process.stdout.write(`${report(kind, runs.get(kind) ?? [], rps('bare'))}\n`);
  process.stdout.write(`teams / bare:       ${((rps('teams') / rps('bare')) * 100).toFixed(0)}% of the bare server's req/s (target ≥ 50%)\n`);
  process.stdout.write(`teams / bare-reply: ${((rps('teams') / rps('bare-reply')) * 100).toFixed(0)}% of a bare server that also posts a short reply\n`);
  process.stdout.write(`teams / bare-card:  ${((rps('teams') / rps('bare-card')) * 100).toFixed(0)}% of a bare server that also posts a reply of the same size\n`);
}

const role = process.env.BENCH_SERVER as ServerKind | undefined;
(role ? serve(role) : main()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
