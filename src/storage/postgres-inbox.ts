// The PostgreSQL side of the inbox (src/storage/inbox.ts): the `inbox` table of migration 4. One row per
// notice key, so that two replicas delivering the same notice keep it once; taking the inbox marks the
// rows shown in the same statement that reads them, so that two page loads at once show each notice once.
import type pg from 'pg';
import type { NoticeReply } from '../reply.js';
import type { InboxStorage } from './inbox.js';
import { num, type Row } from './rows.js';
import { toNoticeKeyString } from './storage.js';

/** The inbox methods of the `Storage` over a migrated database. */
export function createPostgresInboxStorage(pool: Pick<pg.Pool, 'query'>): InboxStorage {
  return {
    async addToInbox(ref, key, notice, now) {
      await pool.query(
        `INSERT INTO inbox (platform, channel_id, notice_key, notice, added_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (notice_key) DO NOTHING`,
        [ref.platform, ref.channelId, toNoticeKeyString(key), JSON.stringify(notice), now.getTime()],
      );
    },
    async takeInbox(ref, now) {
      const { rows } = await pool.query(
        `UPDATE inbox SET shown_at = $1 WHERE platform = $2 AND channel_id = $3 AND shown_at IS NULL
         RETURNING notice, added_at, seq`,
        [now.getTime(), ref.platform, ref.channelId],
      );
      return (rows as Row[])
        .sort((a, b) => num(a.seq) - num(b.seq))
        .map((row) => ({ notice: JSON.parse(String(row.notice)) as NoticeReply, addedAt: new Date(num(row.added_at)) }));
    },
  };
}
