// Terminal rendering: the reply's plain-text form, with its buttons numbered so that typing the number
// clicks the button.
import { toPlainText } from '../../src/plain-text.js';
import { replyFollowUps, replyItems, type FollowUp, type Reply } from '../../src/reply.js';

/** The choices of a reply, in the order the terminal numbers them: list items first, then its buttons. */
export function consoleButtons(reply: Reply): FollowUp[] {
  return [...replyItems(reply).map((item) => ({ label: item.title, action: item.action })), ...replyFollowUps(reply)];
}

/** The reply as terminal text, followed by its numbered choices. */
export function renderConsole(reply: Reply): string {
  const buttons = consoleButtons(reply);
  const choose = reply.lang === 'en' ? 'Type a number to choose:' : 'Typ een nummer om te kiezen:';
  const menu = buttons.length > 0 ? `\n\n${choose}\n${buttons.map((b, i) => `  [${i + 1}] ${b.label}`).join('\n')}` : '';
  return `${toPlainText(reply)}${menu}`;
}
