// Deadline notices for the web chat: a page cannot be posted to while it is closed, so the notice goes to
// the conversation's inbox in storage and the page shows it the next time it is opened.
import type { Clock } from '../../src/clock.js';
import type { NoticeDelivery } from '../../src/notices/delivery.js';
import type { InboxStorage } from '../../src/storage/inbox.js';

/** Delivers notices to the inbox; a storage failure is tried again later. */
export function createWebNoticeDelivery(storage: InboxStorage, clock: Clock): NoticeDelivery {
  return {
    async send(target, notice, key) {
      try {
        await storage.addToInbox(target, key, notice, clock.now());
        return { status: 'ok' };
      } catch (error) {
        return { status: 'retry', error: `WEB_INBOX_FAILED: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}
