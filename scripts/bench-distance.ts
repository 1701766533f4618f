// `npm run bench:distance`: the distance calculator's figures. The GeoNames load time (read + index, wall
// and CPU), the same load in the background as `npm start` does it with the longest event-loop stall it
// causes, and the first "did you mean" (suggestion pool), the look-up latency p50/p99 over varied questions
// through the assistant, and the process's memory (RSS, heap) at each step, with the chat platform SDKs
// loaded first as in the service. Prints figures; asserts nothing.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { loadConfig } from '../src/config.js';
import { createCore } from '../src/core.js';
import type { Input } from '../src/input.js';
import type { Lang } from '../src/knowledge/schema.js';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const knowledgeDir = loadConfig().knowledgeDir;
const conversation: Input['conversation'] = { platform: 'console', channelId: 'bench', userId: 'bench', kind: 'personal' };

function memory(label: string): void {
  collect();
  collect();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0).padStart(4)} MB`;
  console.log(`${label.padEnd(44)} rss ${mb(rss)}  heap ${mb(heapUsed)}  external ${mb(external)}  (array buffers ${mb(arrayBuffers)})`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const PLACES = [
  'Zwolle', 'Helsinki', 'Ede', 'Valletta', 'Den Bosch', 'Sevilla', 'Den Haag', "'s-Gravenhage", 'The Hague', 'Praag', 'Praha',
  'Brussel', 'Oss', 'Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven', 'Groningen', 'Leeuwarden', 'Maastricht', 'Enschede',
  'Bergen op Zoom', 'Hoek van Holland', 'Lissabon', 'Kopenhagen', 'Warschau', 'Boedapest', 'Wenen', 'Keulen', 'Munchen',
  'Reykjavik', 'Kraków', 'Tallinn', 'Riga', 'Vilnius', 'Athene', 'Napels', 'Firenze', 'Barcelona', 'Porto', 'Dublin', 'Cork',
  'Lyon', 'Rijsel', 'Luik', 'Gent', 'Antwerpen', 'Istanbul', 'Ankara', 'Sofia', 'Boekarest', 'Ljubljana', 'Zagreb', 'Oslo',
  'Bergen, Noorwegen', 'Valencia, Spanje', 'Oss, Nederland', 'Luxemburg', 'Aken', 'Tromsø', 'Málaga', 'Göteborg', 'Århus',
];
const TEMPLATES: Array<[Lang, (a: string, b: string) => string]> = [
  ['nl', (a, b) => `afstand ${a} ${b}`],
  ['nl', (a, b) => `hoe ver is ${a} van ${b}?`],
  ['nl', (a, b) => `wat is de afstand van ${a} naar ${b}`],
  ['en', (a, b) => `distance from ${a} to ${b}`],
  ['en', (a, b) => `how far is ${a} from ${b}`],
];
const TYPOS = ['Helsinkk', 'Amsterdm', 'Zwolel', 'Sevila', 'Valeta', 'Kopenhage', 'Rotterdma', 'Barcelonna'];

function questions(): Array<[Lang, string]> {
  const list: Array<[Lang, string]> = [];
  PLACES.forEach((from, i) => {
    for (let step = 1; step <= 8; step++) {
      const to = PLACES[(i + step * 7) % PLACES.length] ?? 'Helsinki';
      const [lang, write] = TEMPLATES[(i + step) % TEMPLATES.length] ?? TEMPLATES[0]!;
      list.push([lang, write(from, to)]);
    }
  });
  return list;
}

/** Runs `work` and returns its wall-clock and CPU time in ms. */
function timed(work: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
}

async function latency(label: string, runs: Array<() => Promise<unknown>>): Promise<void> {
  const times: number[] = [];
  for (const run of runs) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: p50 ${percentile(times, 50).toFixed(3)} ms  p99 ${percentile(times, 99).toFixed(3)} ms  max ${(times.at(-1) ?? NaN).toFixed(3)} ms  (${times.length} runs)`);
}

/** The place data read in steps, as `npm start` does, with the longest event-loop stall it causes; the copy is dropped after. */
async function backgroundLoad(): Promise<string> {
  const places = createCore({ knowledgeDir }).distance;
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  stalls.enable();
  const ms = await places.warmInBackground();
  stalls.disable();
  return `GeoNames read in the background (as at start): ${ms.toFixed(0)} ms; event loop stalled at most ${(stalls.max / 1e6).toFixed(0)} ms (p99 ${(stalls.percentile(99) / 1e6).toFixed(0)} ms)`;
}

async function main(): Promise<void> {
  console.log(`node ${process.version}; targets: load lazily (or < 1000 ms at start-up), look-up < 5 ms, service memory with the data < 250 MB`);
  memory('process at start');
  await import('botbuilder');
  await import('@slack/bolt');
  memory('with botbuilder and @slack/bolt (as the service)');

  const { assistant, distance: skill } = createCore({ knowledgeDir });
  memory('plus the core (knowledge, matcher, distance tables)');

  console.log(await backgroundLoad());
  memory('after the background load (its copy dropped)');

  const load = timed(() => skill.warm());
  console.log(`GeoNames cities500 read and indexed: ${load.wall.toFixed(0)} ms wall, ${load.cpu.toFixed(0)} ms CPU (${skill.places.count()} places)`);
  memory('plus the place data');

  const pool = timed(() => skill.places.suggest('Helsinkk', 'nl'));
  console.log(`first "did you mean" (builds the suggestion pool): ${pool.wall.toFixed(0)} ms wall, ${pool.cpu.toFixed(0)} ms CPU`);
  memory('plus the suggestion pool');

  const asked = questions();
  const ask = (lang: Lang, text: string) => () => assistant.handle({ text, lang, conversation });
  for (const [lang, text] of asked.slice(0, 50)) await ask(lang, text)();
  const kinds = new Map<string, number>();
  for (const [lang, text] of asked) {
    const reply = await ask(lang, text)();
    kinds.set(reply.kind, (kinds.get(reply.kind) ?? 0) + 1);
  }
  console.log(`${asked.length} varied questions (${[...TEMPLATES.keys()].length} phrasings, ${PLACES.length} places) answered as: ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  const rounds = (n: number, make: () => Array<() => Promise<unknown>>) => Array.from({ length: n }, make).flat();
  await latency('look-up in the skill (parse, both places, reply)', rounds(10, () => asked.map(([lang, text]) => async () => skill.handle({ input: { text, conversation }, text, lang, action: undefined }))));
  await latency('the same through the assistant (language, commands first)', rounds(10, () => asked.map(([lang, text]) => ask(lang, text))));
  await latency('place look-up alone (find)', rounds(20, () => PLACES.map((place) => async () => skill.places.find(place, 'nl'))));
  await latency('unknown place with "did you mean"', rounds(20, () => TYPOS.map((typo) => ask('nl', `afstand Zwolle ${typo}`))));
  await latency('button click (distance:<id>:<id>)', rounds(200, () => [() => assistant.handle({ action: 'distance:2743477:658225', conversation })]));
  memory('after the look-ups');
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
