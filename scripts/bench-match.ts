// `npm run bench`: start-up time (load + validate + index) and match latency p50/p99, on the real
// knowledge and on synthetic knowledge 10× and 100× larger. Prints figures; asserts nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dump } from 'js-yaml';
import { loadConfig } from '../src/config.js';
import { createCore } from '../src/core.js';
import { QuestionSetSchema } from '../src/evaluation.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createMatcher } from '../src/match/matcher.js';
import { readMessage } from '../src/match/message.js';
import type { Entry } from '../src/knowledge/schema.js';

const knowledgeDir = loadConfig().knowledgeDir;
const questions = QuestionSetSchema.parse(JSON.parse(readFileSync('test/eval/questions.json', 'utf8'))).cases.map((c) => c.q);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** A made-up word, so that synthetic entries grow the vocabulary as new knowledge would. */
function syntheticWord(seed: number): string {
  const syllables = ['ka', 'ro', 'mi', 'te', 'lu', 'vo', 'sen', 'dar', 'pli', 'gor', 'fen', 'bas'];
  let word = '';
  for (let n = seed + 7; word.length < 9; n = Math.floor(n / 12) + 3) word += syllables[n % 12];
  return word;
}

/** Writes knowledge `factor` times the size of `dir` into a temporary directory. */
function scaleKnowledge(dir: string, factor: number): string {
  const out = mkdtempSync(join(tmpdir(), `kb-x${factor}-`));
  mkdirSync(join(out, 'entries'));
  writeFileSync(join(out, 'phases.yaml'), readFileSync(join(dir, 'phases.yaml')));
  for (const file of ['glossary.yaml', 'out-of-scope.yaml', 'travel-support.yaml', 'places.yaml', 'deadlines.yaml']) writeFileSync(join(out, file), readFileSync(join(dir, file)));
  const { entries } = loadKnowledge(dir);
  const scaled: Entry[] = [];
  for (let copy = 0; copy < factor; copy++) {
    for (const [i, entry] of entries.entries()) {
      if (copy === 0) {
        scaled.push(entry);
        continue;
      }
      const extra = syntheticWord(copy * 1000 + i);
      scaled.push({
        ...entry,
        id: `${entry.id}-x${copy}`,
        title: { nl: `${entry.title.nl} ${extra}`, en: `${entry.title.en} ${extra}` },
        keywords: { nl: [...entry.keywords.nl, extra], en: [...entry.keywords.en, extra] },
        related: entry.related.map((id) => `${id}-x${copy}`),
      });
    }
  }
  writeFileSync(join(out, 'entries', 'all.yaml'), dump(JSON.parse(JSON.stringify({ entries: scaled })), { lineWidth: -1 }));
  return out;
}

function bench(label: string, dir: string): void {
  const startups: number[] = [];
  let core = createCore({ knowledgeDir: dir });
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    core = createCore({ knowledgeDir: dir });
    startups.push(performance.now() - start);
  }
  // The matcher as the assistant builds it, on the knowledge the core loaded.
  const matcher = createMatcher(core.knowledge);
  // First pass on a fresh index: every misspelling is corrected for the first time.
  const cold: number[] = [];
  for (const q of questions) {
    const start = performance.now();
    matcher.match(readMessage(q));
    cold.push(performance.now() - start);
  }
  cold.sort((a, b) => a - b);
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of questions) {
      const start = performance.now();
      matcher.match(readMessage(q));
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  startups.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(10)} entries ${String(core.knowledge.entries.length).padStart(6)}  vocabulary ${String(matcher.vocabularySize).padStart(6)}  ` +
      `start-up median ${percentile(startups, 50).toFixed(0).padStart(5)} ms  ` +
      `match p50 ${percentile(times, 50).toFixed(3)} ms  p99 ${percentile(times, 99).toFixed(3)} ms  (${times.length} matches)  ` +
      `first pass p99 ${percentile(cold, 99).toFixed(3)} ms (cold JIT, empty typo cache)`,
  );
}

console.log(`node ${process.version}; ${questions.length} questions from test/eval/questions.json; targets: start-up < 1000 ms, p99 < 1 ms (real), < 10 ms (100×)`);
bench('real', knowledgeDir);
for (const factor of [10, 100]) {
  const dir = scaleKnowledge(knowledgeDir, factor);
  try {
    bench(`${factor}×`, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
