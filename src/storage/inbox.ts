// The inbox of conversations that cannot be posted to: a web chat page is only there while it is open, so
// its notices are kept here and shown the next time the page is opened. Async like the rest of the storage
// (SQLite in src/storage/sqlite-inbox.ts).
import type { NoticeReply } from '../reply.js';
import type { ChannelRef, NoticeKey } from './storage.js';

/** A notice waiting in a conversation's inbox. */
interface InboxNotice {
  notice: NoticeReply;
  /** When the scheduler delivered it to the inbox. */
  addedAt: Date;
}

export interface InboxStorage {
  /** Keeps a notice for the conversation until it is next opened; the same key twice keeps it once. */
  addToInbox(ref: ChannelRef, key: NoticeKey, notice: NoticeReply, now: Date): Promise<void>;
  /** The notices not shown yet, oldest first; they are marked shown and not returned again. */
  takeInbox(ref: ChannelRef, now: Date): Promise<InboxNotice[]>;
}
