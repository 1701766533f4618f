// The terminal conversation as the notices know it, and the delivery that `npm run notices -- --send`
// uses for it: the notice is written to the terminal, since nothing else listens there.
import type { Conversation } from '../../src/input.js';
import type { NoticeDelivery } from '../../src/notices/delivery.js';
import { toPlainText } from '../../src/plain-text.js';

/** The one conversation of `npm run chat` on this machine: its subscriptions and project are this channel's. */
const CONSOLE_CHANNEL = 'terminal';

/** The terminal chat of `user`. */
export function consoleConversation(user: string): Conversation {
  return { platform: 'console', channelId: CONSOLE_CHANNEL, userId: user, kind: 'personal' };
}

/** Writes each notice for the terminal conversation to `output`, as the chat would show it. */
export function createConsoleNoticeDelivery(output: NodeJS.WritableStream): NoticeDelivery {
  return {
    async send(_target, notice) {
      output.write(`${toPlainText(notice)}\n\n`);
      return { status: 'ok' };
    },
  };
}
