// The terminal chat loop: reads lines, hands each to the core (or answers a number with no choice itself),
// and writes the reply with its numbered choices. Streams are injected, so tests drive it in-process.
import { createInterface } from 'node:readline';
import type { Assistant } from '../../src/assistant.js';
import type { Conversation } from '../../src/input.js';
import { stripMarkdown } from '../../src/plain-text.js';
import { t } from '../../src/texts.js';
import { parseConsoleLine, type ConsoleState } from './inbound.js';
import { consoleChoices, renderConsole } from './render.js';

export interface ConsoleChatOptions {
  assistant: Pick<Assistant, 'handle'>;
  conversation: Conversation;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Show the `> ` prompt and echo as a terminal does (stdin is a TTY). */
  terminal?: boolean;
  /** Lines written before the first prompt, e.g. where the data is kept. */
  banner?: readonly string[];
}

/** Runs the chat until an empty line, a quit word or the end of the input. */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { assistant, conversation, output } = options;
  const rl = createInterface({ input: options.input, output, terminal: options.terminal ?? false });
  const state: ConsoleState = { choices: [], lang: undefined };
  const write = (text: string): void => void output.write(`${text}\n`);

  write(stripMarkdown(`${t('nl', 'consoleWelcome')}\n${t('en', 'consoleWelcome')}`));
  for (const line of options.banner ?? []) write(line);
  write('');
  rl.setPrompt('> ');
  rl.prompt();
  // The line iterator buffers input, so lines piped in all at once are answered in turn too.
  for await (const raw of rl) {
    const inbound = parseConsoleLine(raw, state, conversation);
    if (inbound.type === 'quit') break;
    const reply = inbound.type === 'reply' ? inbound.reply : await assistant.handle(inbound.input);
    state.lang = reply.lang;
    // A number with no choice keeps the choices it was typed against.
    if (inbound.type === 'input') state.choices = consoleChoices(reply);
    write(`\n${renderConsole(reply, { numbered: true })}\n`);
    rl.prompt();
  }
  rl.close();
}
