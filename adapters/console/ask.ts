// `npm run ask -- "question"` prints one answer for a person to read; `npm run ask -- --jsonl` writes one
// JSON object a line (see src/transcript.ts) for the question given, or for each line read from stdin.
// Answer-quality checks use the JSON form. Nothing is stored: subscriptions and projects need `npm run chat`.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Assistant } from '../../src/assistant.js';
import { loadConfig } from '../../src/config.js';
import { createCore } from '../../src/core.js';
import { toTranscriptLine } from '../../src/transcript.js';
import { renderConsole } from './render.js';
import { exitOnStartupError } from './startup.js';

const USAGE = `Usage:
  npm run ask -- "your question"           one answer, as text
  npm run ask -- --jsonl "your question"   the answer as one JSON line
  npm run ask -- --jsonl < questions.txt   one JSON line for each line of stdin

Options:
  --jsonl      write JSON lines (question, answered, kind, entryId, title, text, links, followUps, lang, score)
  -h, --help   show this help
`;

const conversation = { platform: 'console', channelId: 'ask', userId: 'cli', kind: 'personal' } as const;

/** The arguments, or a message and exit code 2 when they cannot be read. */
function readArgs(args: string[]): { jsonl: boolean; help: boolean; question: string } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { jsonl: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
      strict: true,
    });
    return { jsonl: values.jsonl, help: values.help, question: positionals.join(' ').trim() };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function writeJsonl(assistant: Assistant, question: string): Promise<void> {
  const reply = await assistant.handle({ text: question, conversation });
  process.stdout.write(`${JSON.stringify(toTranscriptLine(question, reply))}\n`);
}

async function main(args: string[]): Promise<void> {
  const { jsonl, help, question } = readArgs(args);
  if (help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!jsonl && question === '') {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  const { assistant } = createCore({ knowledgeDir: config.knowledgeDir });
  if (!jsonl) {
    const reply = await assistant.handle({ text: question, conversation });
    process.stdout.write(`${renderConsole(reply, { numbered: false })}\n`);
    return;
  }
  if (question !== '') return writeJsonl(assistant, question);
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() !== '') await writeJsonl(assistant, line);
  }
}

main(process.argv.slice(2)).catch(exitOnStartupError);
