// The PostgreSQL side of the feedback storage (src/storage/feedback.ts): the tables of migration 2, with
// the vote upsert as one statement, so that two clicks at once still leave one vote per user and answer.
import type pg from 'pg';
import { QUESTION_OUTCOMES, type EntryCounts, type FeedbackStorage, type QuestionOutcome, type Vote } from './feedback.js';
import { num, toQuestion, type Row } from './rows.js';

/** A pool or one of its clients. */
export type Queryable = Pick<pg.Pool, 'query'>;

/** The feedback methods of the `Storage` over a migrated database. */
export function createPostgresFeedbackStorage(
  pool: pg.Pool,
  transaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>,
): FeedbackStorage {
  const rows = async (text: string, values: unknown[]): Promise<Row[]> => (await pool.query(text, values)).rows as Row[];

  return {
    async getOrCreateSecret(name, create, now) {
      // Two replicas starting at once: the first insert wins and both read its value.
      await pool.query('INSERT INTO service_secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [name, create(), now.getTime()]);
      const [row] = await rows('SELECT value FROM service_secrets WHERE name = $1', [name]);
      if (typeof row?.value !== 'string') throw new Error(`the secret ${name} could not be stored`);
      return row.value;
    },
    async logQuestion(record) {
      await pool.query(
        `INSERT INTO question_log (asked_at, platform, lang, outcome, entry_id, confidence, text, nearest)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          record.askedAt.getTime(),
          record.platform,
          record.lang,
          record.outcome,
          record.entryId ?? null,
          record.confidence ?? null,
          record.text ?? null,
          record.nearest.length > 0 ? JSON.stringify(record.nearest) : null,
        ],
      );
    },
    async saveVote(record) {
      const [row] = await rows(
        `WITH previous AS (SELECT vote FROM answer_votes WHERE answer_key = $1 AND user_hash = $2)
         INSERT INTO answer_votes (answer_key, user_hash, entry_id, lang, platform, vote, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (answer_key, user_hash) DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at
         RETURNING (SELECT vote FROM previous) AS previous`,
        [record.answerKey, record.userHash, record.entryId, record.lang, record.platform, record.vote, record.at.getTime()],
      );
      return { previous: (row?.previous ?? undefined) as Vote | undefined };
    },
    async feedbackSummary(since) {
      const at = since.getTime();
      const outcomes = Object.fromEntries(QUESTION_OUTCOMES.map((outcome) => [outcome, 0])) as Record<QuestionOutcome, number>;
      for (const row of await rows('SELECT outcome, count(*) AS n FROM question_log WHERE asked_at >= $1 GROUP BY outcome', [at])) {
        outcomes[row.outcome as QuestionOutcome] = num(row.n);
      }
      const entries = new Map<string, EntryCounts>();
      const entry = (id: string): EntryCounts => {
        let counts = entries.get(id);
        if (!counts) entries.set(id, (counts = { entryId: id, questions: 0, up: 0, down: 0 }));
        return counts;
      };
      const questions = await rows(
        `SELECT entry_id, count(*) AS n FROM question_log
         WHERE asked_at >= $1 AND outcome IN ('answered', 'low-confidence') AND entry_id IS NOT NULL GROUP BY entry_id ORDER BY entry_id`,
        [at],
      );
      for (const row of questions) entry(String(row.entry_id)).questions = num(row.n);
      const votes = await rows(
        `SELECT entry_id, count(*) FILTER (WHERE vote = 'up') AS up, count(*) FILTER (WHERE vote = 'down') AS down
         FROM answer_votes WHERE updated_at >= $1 GROUP BY entry_id ORDER BY entry_id`,
        [at],
      );
      for (const row of votes) {
        const counts = entry(String(row.entry_id));
        counts.up = num(row.up);
        counts.down = num(row.down);
      }
      return { outcomes, entries: [...entries.values()] };
    },
    async unansweredQuestions(since, limit) {
      const found = await rows(
        `SELECT * FROM question_log WHERE asked_at >= $1 AND outcome IN ('declined', 'low-confidence') AND text IS NOT NULL
         ORDER BY asked_at DESC, id DESC LIMIT $2`,
        [since.getTime(), limit],
      );
      return found.map(toQuestion);
    },
    async purgeFeedback(before) {
      const at = before.getTime();
      return transaction(async (client) => ({
        questions:
          (await client.query('UPDATE question_log SET text = NULL, nearest = NULL WHERE asked_at < $1 AND (text IS NOT NULL OR nearest IS NOT NULL)', [at]))
            .rowCount ?? 0,
        votes: (await client.query('UPDATE answer_votes SET answer_key = NULL, user_hash = NULL WHERE updated_at < $1 AND user_hash IS NOT NULL', [at])).rowCount ?? 0,
        languages: (await client.query('DELETE FROM conversation_langs WHERE updated_at < $1', [at])).rowCount ?? 0,
      }));
    },
    async deleteVotesOf(userHash) {
      return (await pool.query('DELETE FROM answer_votes WHERE user_hash = $1', [userHash])).rowCount ?? 0;
    },
  };
}
