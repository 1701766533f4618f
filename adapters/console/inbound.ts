// A line typed in the terminal turned into a core input. A number picks one of the numbered choices of
// the last reply; a number with no such choice is answered here, because the numbering is the terminal's.
import type { Conversation, Input } from '../../src/input.js';
import type { Lang } from '../../src/knowledge/schema.js';
import type { FollowUp, MessageReply } from '../../src/reply.js';
import { t } from '../../src/texts.js';

/** Words that end the chat, beside an empty line. */
const QUIT_WORDS = new Set(['exit', 'quit', 'stop', 'bye', 'doei']);

/** What the terminal knows between lines: the choices it numbered and the language of the reply they were on. */
export interface ConsoleState {
  choices: readonly FollowUp[];
  lang: Lang | undefined;
}

/** A line as the terminal reads it: the end of the chat, an input for the core, or a reply of its own. */
export type ConsoleInbound = { type: 'quit' } | { type: 'input'; input: Input } | { type: 'reply'; reply: MessageReply };

/** `1–3`, or `1` when there is one choice. */
function choiceRange(count: number): string {
  return count === 1 ? '1' : `1–${count}`;
}

/** Reads one typed line in the conversation `conversation`. */
export function parseConsoleLine(raw: string, state: ConsoleState, conversation: Conversation): ConsoleInbound {
  const line = raw.trim();
  if (line === '' || QUIT_WORDS.has(line.toLowerCase())) return { type: 'quit' };
  const lang = state.lang ?? 'nl';
  if (/^\d{1,3}[.)]?$/.test(line)) {
    const n = Number.parseInt(line, 10);
    const choice = state.choices[n - 1];
    // A choice is a button on the last reply: it answers in that reply's language.
    if (choice) return { type: 'input', input: { action: choice.action, ...(state.lang ? { lang: state.lang } : {}), conversation } };
    const text =
      state.choices.length === 0 ? t(lang, 'noChoices') : t(lang, 'noSuchChoice', { n, range: choiceRange(state.choices.length) });
    return { type: 'reply', reply: { kind: 'message', lang, text, followUps: [] } };
  }
  // The core keeps the conversation's language; a typed line carries none of its own.
  return { type: 'input', input: { text: line, conversation } };
}
