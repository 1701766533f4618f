// `npm run eval [-- file.json …] [--verbose]`: answer quality on the question sets. Per set: top-1
// accuracy, off-topic declined, answered in the asker's language, and top-1 per style of message (long
// message, paraphrase, short or sloppy, road question; read from the case id); the failures with what the
// bot answered; then the trade-off between top-1 and off-topic declined for other decline thresholds.
// Default sets: every test/eval/*.json, the blind sets in test/eval/blind/ and ../shared/eval/chat-questions.json.
// Exits non-zero when a set misses a target.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { createCore } from '../src/core.js';
import { evaluate, QuestionSetSchema, styleOf, type EvalCase, type EvalSummary } from '../src/evaluation.js';
import { DEFAULT_MATCH_OPTIONS } from '../src/match/matcher.js';

const { values, positionals } = parseArgs({
  options: { verbose: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  allowPositionals: true,
});
if (values.help) {
  console.log('usage: npm run eval [-- <question-set.json> …] [--verbose]\n  --verbose  list every case, and the failures of the blind sets too');
  process.exit(0);
}

const jsonIn = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => `${dir}/${name}`)
    : [];
const shared = '../shared/eval/chat-questions.json';
const files = positionals.length > 0 ? positionals : [...jsonIn('test/eval'), ...jsonIn('test/eval/blind'), ...(existsSync(shared) ? [shared] : [])];
const sets = files.map((file) => ({ file, cases: QuestionSetSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).cases }));
const knowledgeDir = loadConfig().knowledgeDir;
const { assistant } = createCore({ knowledgeDir });
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

let ok = true;
for (const { file, cases } of sets) {
  const summary = await evaluate(assistant, cases);
  console.log(`${file}: ${cases.length} questions`);
  console.log(`  top-1 accuracy       ${pct(summary.inDomain.accuracy)} (${summary.inDomain.passed}/${summary.inDomain.total})   target ≥ 97%`);
  console.log(`  off-topic declined   ${pct(summary.offTopic.rate)} (${summary.offTopic.declined}/${summary.offTopic.total})   target ≥ 95%`);
  console.log(`  answered in the asker's language ${pct(summary.languageMatch)}`);
  const styles = byStyle(summary);
  if (styles.length > 1) console.log(`  top-1 per style      ${styles.map(([style, s]) => `${style} ${pct(s.passed / s.total)} (${s.passed}/${s.total})`).join(', ')}`);
  const showFailures = values.verbose || !file.includes('/blind/');
  for (const result of summary.results.filter((r) => (!r.passed && showFailures) || values.verbose)) {
    console.log(`  ${result.passed ? 'ok  ' : 'FAIL'} [${result.case.id}] ${result.case.q} → ${result.reason ?? result.line.entryId ?? result.line.kind} (${result.line.score ?? '-'})`);
  }
  if (summary.inDomain.accuracy < 0.97 || summary.offTopic.rate < 0.95) ok = false;
}

console.log('\nDecline threshold trade-off, all sets together (top-1 on roadmap questions / off-topic declined):');
const all: EvalCase[] = sets.flatMap((s) => s.cases);
for (const threshold of [0.3, 0.35, 0.4, 0.44, 0.48, 0.52, 0.56, 0.6, 0.65]) {
  const { assistant: tuned } = createCore({ knowledgeDir, match: { threshold } });
  const summary = await evaluate(tuned, all);
  const mark = threshold === DEFAULT_MATCH_OPTIONS.threshold ? '  ← in use' : '';
  console.log(`  ${threshold.toFixed(2)}  top-1 ${pct(summary.inDomain.accuracy).padStart(6)}  off-topic declined ${pct(summary.offTopic.rate).padStart(6)}${mark}`);
}
process.exitCode = ok ? 0 : 1;

/** Top-1 per style of message, in a fixed order. */
function byStyle(summary: EvalSummary): Array<[string, { passed: number; total: number }]> {
  const counts = new Map<string, { passed: number; total: number }>();
  for (const result of summary.results) {
    if (result.case.ood) continue;
    const style = styleOf(result.case);
    const entry = counts.get(style) ?? { passed: 0, total: 0 };
    entry.total += 1;
    if (result.passed) entry.passed += 1;
    counts.set(style, entry);
  }
  const order = ['long', 'paraphrase', 'sloppy', 'road', 'plain'];
  return [...counts].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}
