// Terminal rendering: the reply's plain-text form, with its buttons numbered so that typing the number
// clicks the button.
import { toPlainText } from '../../src/plain-text.js';
import { assertNever, type FollowUp, type Reply } from '../../src/reply.js';

/** The buttons of a reply, in the order the terminal numbers them. */
export function consoleButtons(reply: Reply): FollowUp[] {
  switch (reply.kind) {
    case 'answer':
    case 'phase':
    case 'message':
      return reply.followUps;
    case 'suggestions':
    case 'not-found':
      return reply.options;
    case 'help':
      return reply.examples;
    case 'roadmap':
      return reply.phases.map((phase) => ({ label: phase.title, action: phase.action }));
    case 'tools':
      return reply.tools.map((tool) => ({ label: tool.title, action: tool.action }));
    default:
      return assertNever(reply);
  }
}

/** The reply as terminal text, followed by its numbered choices. */
export function renderConsole(reply: Reply): string {
  const buttons = consoleButtons(reply);
  const choose = reply.lang === 'en' ? 'Type a number to choose:' : 'Typ een nummer om te kiezen:';
  const menu = buttons.length > 0 ? `\n\n${choose}\n${buttons.map((b, i) => `  [${i + 1}] ${b.label}`).join('\n')}` : '';
  return `${toPlainText(reply)}${menu}`;
}
