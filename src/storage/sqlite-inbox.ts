// The SQLite side of the inbox (src/storage/inbox.ts): the `inbox` table of migration 3. A notice is one
// row per notice key, so a resend after an interrupted tick changes nothing; taking the inbox marks the
// rows shown in the same statement that reads them.
import type Database from 'better-sqlite3';
import type { NoticeReply } from '../reply.js';
import type { InboxStorage } from './inbox.js';
import { toNoticeKeyString } from './storage.js';
import { num, type Row } from './rows.js';

/** The inbox methods of the `Storage` over an open, migrated connection. */
export function createSqliteInboxStorage(db: Database.Database): InboxStorage {
  const q = {
    add: db.prepare(
      `INSERT INTO inbox (platform, channel_id, notice_key, notice, added_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (notice_key) DO NOTHING`,
    ),
    take: db.prepare(
      `UPDATE inbox SET shown_at = ? WHERE platform = ? AND channel_id = ? AND shown_at IS NULL
       RETURNING notice, added_at, seq`,
    ),
  };
  return {
    async addToInbox(ref, key, notice, now) {
      q.add.run(ref.platform, ref.channelId, toNoticeKeyString(key), JSON.stringify(notice), now.getTime());
    },
    async takeInbox(ref, now) {
      const rows = q.take.all(now.getTime(), ref.platform, ref.channelId) as Row[];
      return rows
        .sort((a, b) => num(a.seq) - num(b.seq))
        .map((row) => ({ notice: JSON.parse(String(row.notice)) as NoticeReply, addedAt: new Date(num(row.added_at)) }));
    },
  };
}
