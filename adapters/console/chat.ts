// `npm run chat`: an interactive chat with the assistant in the terminal, no account needed.
// Type a question, a command (help, roadmap, tools) or the number of a choice; an empty line or Ctrl-D ends.
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config.js';
import { createCore } from '../../src/core.js';
import type { Input } from '../../src/input.js';
import type { Lang } from '../../src/knowledge/schema.js';
import type { FollowUp } from '../../src/reply.js';
import { consoleButtons, renderConsole } from './render.js';
import { exitOnStartupError } from './startup.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const { assistant } = createCore({ knowledgeDir: config.knowledgeDir });
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const conversation = { platform: 'console', channelId: 'terminal', userId: userInfo().username, kind: 'personal' } as const;
  let buttons: FollowUp[] = [];
  let lang: Lang | undefined;

  console.log('Erasmus+ mbo-assistent — stel je vraag / ask your question (help, roadmap, tools; empty line to quit)\n');
  rl.setPrompt('> ');
  rl.prompt();
  // The line iterator buffers input, so questions piped in all at once are answered in turn too.
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '' || line === 'exit' || line === 'quit' || line === 'stop') break;
    const choice = /^\d{1,2}$/.test(line) ? buttons[Number(line) - 1] : undefined;
    const input: Input = choice ? { action: choice.action, lang, conversation } : { text: line, lang, conversation };
    const reply = await assistant.handle(input);
    lang = reply.lang;
    buttons = consoleButtons(reply);
    console.log(`\n${renderConsole(reply)}\n`);
    rl.prompt();
  }
  rl.close();
}

main().catch(exitOnStartupError);
