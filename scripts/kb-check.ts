// `npm run kb:check`: checks the knowledge and prints every problem with its file, entry and field.
import { loadConfig } from '../src/config.js';
import { formatProblem, inspectKnowledge } from '../src/knowledge/load.js';

const dir = process.argv[2] ?? loadConfig().knowledgeDir;
const { knowledge, problems } = inspectKnowledge(dir);
if (problems.length > 0 || !knowledge) {
  process.stderr.write(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map(formatProblem).join('\n')}\n`);
  process.exit(1);
}
const links = new Set(knowledge.entries.flatMap((entry) => entry.links.map((link) => link.url)));
process.stdout.write(
  `${dir}: OK — ${knowledge.phases.length} phases, ${knowledge.entries.length} entries, ${knowledge.glossary.length} glossary terms, ${links.size} distinct links\n`,
);
