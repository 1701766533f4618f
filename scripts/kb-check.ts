// `npm run kb:check [-- dir] [--today YYYY-MM-DD]`: checks the knowledge and prints every problem with its
// file, entry and field (exit 1), then warns about every fact not checked for more than 12 months and every
// provisional deadline that has passed (warnings do not fail the check).
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { inspectDistanceData } from '../src/distance/load.js';
import { checkCurrency } from '../src/knowledge/currency.js';
import { formatProblem, inspectKnowledge } from '../src/knowledge/load.js';
import { inspectDeadlines } from '../src/notices/deadlines.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { today: { type: 'string' } } });
const today = values.today ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
  process.stderr.write(`--today must be a date written YYYY-MM-DD, not "${today}"\n`);
  process.exit(2);
}
const dir = positionals[0] ?? loadConfig().knowledgeDir;
const { knowledge, problems } = inspectKnowledge(dir);
const deadlines = knowledge ? inspectDeadlines(knowledge) : { deadlines: [], problems: [] };
const distance = inspectDistanceData(dir);
problems.push(...deadlines.problems, ...distance.problems);
if (problems.length > 0 || !knowledge) {
  process.stderr.write(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map(formatProblem).join('\n')}\n`);
  process.exit(1);
}
const links = new Set(knowledge.entries.flatMap((entry) => entry.links.map((link) => link.url)));
const flyerLinks = new Set(knowledge.entries.flatMap((entry) => entry.flyerLinks));
const tables = distance.data?.travel.tables ?? [];
process.stdout.write(
  `${dir}: OK — ${knowledge.phases.length} phases, ${knowledge.entries.length} entries, ${knowledge.glossary.length} glossary terms, ${links.size} distinct links (and ${flyerLinks.size} of the flyer's moved links), ${deadlines.deadlines.length} call deadlines, ${tables.length} travel-support tables\n`,
);
const warnings = checkCurrency({ knowledge, deadlines: deadlines.deadlines, travelTables: tables, today });
if (warnings.length === 0) {
  process.stdout.write(`Every dated fact was checked within the last 12 months and no provisional deadline has passed (as of ${today}).\n`);
} else {
  process.stdout.write(`${warnings.length} fact${warnings.length === 1 ? '' : 's'} to re-check (as of ${today}):\n${warnings.map(formatProblem).join('\n')}\n`);
}
