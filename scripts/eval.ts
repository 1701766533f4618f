// `npm run eval [-- file.json …] [--verbose]`: top-1 accuracy and off-topic refusal rate of the assistant
// on the question sets (default: test/eval/questions.json, test/eval/dev-questions.json and the blind sets in
// test/eval/blind/). Exits non-zero when a set misses a target.
import { readdirSync, readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { createCore } from '../src/core.js';
import { evaluate, QuestionSetSchema } from '../src/evaluation.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const files = args.filter((arg) => !arg.startsWith('--'));
const blind = readdirSync('test/eval/blind')
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => `test/eval/blind/${name}`);
const sets = files.length > 0 ? files : ['test/eval/questions.json', 'test/eval/dev-questions.json', ...blind];
const { assistant } = createCore({ knowledgeDir: loadConfig().knowledgeDir });
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

let ok = true;
for (const file of sets) {
  const { cases } = QuestionSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const summary = await evaluate(assistant, cases);
  console.log(`${file}: ${cases.length} questions`);
  console.log(`  top-1 accuracy       ${pct(summary.inDomain.accuracy)} (${summary.inDomain.passed}/${summary.inDomain.total})   target ≥ 97%`);
  console.log(`  off-topic declined   ${pct(summary.offTopic.rate)} (${summary.offTopic.declined}/${summary.offTopic.total})   target ≥ 95%`);
  console.log(`  answered in the asker's language ${pct(summary.languageMatch)}`);
  const showFailures = verbose || !file.includes('/blind/');
  for (const result of summary.results.filter((r) => (!r.passed && showFailures) || verbose)) {
    console.log(`  ${result.passed ? 'ok  ' : 'FAIL'} [${result.case.id}] ${result.case.q} → ${result.reason ?? result.line.entryId ?? result.line.kind} (${result.line.score ?? '-'})`);
  }
  if (summary.inDomain.accuracy < 0.97 || summary.offTopic.rate < 0.95) ok = false;
}
process.exitCode = ok ? 0 : 1;
