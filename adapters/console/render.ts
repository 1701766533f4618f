// Terminal rendering: the reply's plain-text form, with its choices numbered so that typing the number
// picks the choice (see inbound.ts).
import { toPlainText } from '../../src/plain-text.js';
import { replyFollowUps, replyItems, type FollowUp, type Reply } from '../../src/reply.js';
import { t } from '../../src/texts.js';

/** The choices of a reply, in the order the terminal numbers them: list items first, then its buttons. */
export function consoleChoices(reply: Reply): FollowUp[] {
  return [...replyItems(reply).map((item) => ({ label: item.title, action: item.action })), ...replyFollowUps(reply)];
}

/**
 * The reply as terminal text. In a chat (`numbered`, the default) its choices follow with their numbers; a one-off
 * answer, where nothing can be picked, is the plain text alone.
 */
export function renderConsole(reply: Reply, { numbered = true }: { numbered?: boolean } = {}): string {
  const text = toPlainText(reply);
  const choices = numbered ? consoleChoices(reply) : [];
  if (choices.length === 0) return text;
  const menu = choices.map((choice, i) => `  [${i + 1}] ${choice.label}`).join('\n');
  return `${text}\n\n${t(reply.lang, 'chooseNumber')}\n${menu}`;
}
