// `npm run ask -- "question"` prints one answer for a person to read.
// `npm run ask -- --jsonl` reads questions from stdin, one a line, and writes one JSON object a line
// (see src/transcript.ts); answer-quality checks use this interface.
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config.js';
import { createCore } from '../../src/core.js';
import { toTranscriptLine } from '../../src/transcript.js';
import { renderConsole } from './render.js';
import { exitOnStartupError } from './startup.js';

const conversation = { platform: 'console', channelId: 'ask', userId: 'cli', kind: 'personal' } as const;

async function main(args: string[]): Promise<void> {
  const jsonl = args.includes('--jsonl');
  const question = args.filter((arg) => arg !== '--jsonl').join(' ').trim();
  if (!jsonl && question === '') {
    process.stderr.write('Usage: npm run ask -- "your question"   or   npm run ask -- --jsonl < questions.txt\n');
    process.exit(2);
  }
  const config = loadConfig();
  const { assistant } = createCore({ knowledgeDir: config.knowledgeDir });
  if (!jsonl) {
    const reply = await assistant.handle({ text: question, conversation });
    process.stdout.write(`${renderConsole(reply)}\n`);
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const reply = await assistant.handle({ text: line, conversation });
    process.stdout.write(`${JSON.stringify(toTranscriptLine(line, reply))}\n`);
  }
}

main(process.argv.slice(2)).catch(exitOnStartupError);
