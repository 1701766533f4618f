// The SQLite side of the feedback storage (src/storage/feedback.ts): the tables of migration 2, with
// the vote upsert as one statement, so that two clicks at once still leave one vote per user and answer.
import type Database from 'better-sqlite3';
import { QUESTION_OUTCOMES, type EntryCounts, type FeedbackStorage, type QuestionOutcome, type Vote } from './feedback.js';
import { num, toQuestion, type Row } from './rows.js';

/** The feedback methods of the `Storage` over an open, migrated connection. */
export function createSqliteFeedbackStorage(db: Database.Database): FeedbackStorage {
  const q = {
    insertSecret: db.prepare('INSERT INTO service_secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING'),
    getSecret: db.prepare('SELECT value FROM service_secrets WHERE name = ?').pluck(),
    logQuestion: db.prepare(
      `INSERT INTO question_log (asked_at, platform, lang, outcome, entry_id, confidence, text, nearest)
       VALUES (@askedAt, @platform, @lang, @outcome, @entryId, @confidence, @text, @nearest)`,
    ),
    previousVote: db.prepare('SELECT vote FROM answer_votes WHERE answer_key = ? AND user_hash = ?').pluck(),
    saveVote: db.prepare(
      `INSERT INTO answer_votes (answer_key, user_hash, entry_id, lang, platform, vote, created_at, updated_at)
       VALUES (@answerKey, @userHash, @entryId, @lang, @platform, @vote, @at, @at)
       ON CONFLICT (answer_key, user_hash) DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at`,
    ),
    outcomes: db.prepare('SELECT outcome, count(*) AS n FROM question_log WHERE asked_at >= ? GROUP BY outcome'),
    questionsPerEntry: db.prepare(
      `SELECT entry_id, count(*) AS n FROM question_log
       WHERE asked_at >= ? AND outcome IN ('answered', 'low-confidence') AND entry_id IS NOT NULL GROUP BY entry_id`,
    ),
    votesPerEntry: db.prepare(
      `SELECT entry_id, sum(vote = 'up') AS up, sum(vote = 'down') AS down FROM answer_votes WHERE updated_at >= ? GROUP BY entry_id`,
    ),
    unanswered: db.prepare(
      `SELECT * FROM question_log WHERE asked_at >= ? AND outcome IN ('declined', 'low-confidence') AND text IS NOT NULL
       ORDER BY asked_at DESC, id DESC LIMIT ?`,
    ),
    purgeQuestions: db.prepare('UPDATE question_log SET text = NULL, nearest = NULL WHERE asked_at < ? AND (text IS NOT NULL OR nearest IS NOT NULL)'),
    deleteVotesOf: db.prepare('DELETE FROM answer_votes WHERE user_hash = ?'),
    purgeVotes: db.prepare('UPDATE answer_votes SET answer_key = NULL, user_hash = NULL WHERE updated_at < ? AND user_hash IS NOT NULL'),
    purgeLangs: db.prepare('DELETE FROM conversation_langs WHERE updated_at < ?'),
  };

  const saveVote = db.transaction((record: Parameters<FeedbackStorage['saveVote']>[0]): Vote | undefined => {
    const previous = q.previousVote.get(record.answerKey, record.userHash) as Vote | undefined;
    q.saveVote.run({ ...record, at: record.at.getTime() });
    return previous;
  });

  return {
    async getOrCreateSecret(name, create, now) {
      const existing = q.getSecret.get(name) as string | undefined;
      if (existing !== undefined) return existing;
      // Two processes starting at once: the first insert wins and both read its value.
      q.insertSecret.run(name, create(), now.getTime());
      return q.getSecret.get(name) as string;
    },
    async logQuestion(record) {
      q.logQuestion.run({
        askedAt: record.askedAt.getTime(),
        platform: record.platform,
        lang: record.lang,
        outcome: record.outcome,
        entryId: record.entryId ?? null,
        confidence: record.confidence ?? null,
        text: record.text ?? null,
        nearest: record.nearest.length > 0 ? JSON.stringify(record.nearest) : null,
      });
    },
    async saveVote(record) {
      return { previous: saveVote(record) };
    },
    async feedbackSummary(since) {
      const at = since.getTime();
      const outcomes = Object.fromEntries(QUESTION_OUTCOMES.map((outcome) => [outcome, 0])) as Record<QuestionOutcome, number>;
      for (const row of q.outcomes.all(at) as Row[]) outcomes[row.outcome as QuestionOutcome] = num(row.n);
      const entries = new Map<string, EntryCounts>();
      const entry = (id: string): EntryCounts => {
        let counts = entries.get(id);
        if (!counts) entries.set(id, (counts = { entryId: id, questions: 0, up: 0, down: 0 }));
        return counts;
      };
      for (const row of q.questionsPerEntry.all(at) as Row[]) entry(String(row.entry_id)).questions = num(row.n);
      for (const row of q.votesPerEntry.all(at) as Row[]) {
        const counts = entry(String(row.entry_id));
        counts.up = num(row.up);
        counts.down = num(row.down);
      }
      return { outcomes, entries: [...entries.values()] };
    },
    async unansweredQuestions(since, limit) {
      return (q.unanswered.all(since.getTime(), limit) as Row[]).map(toQuestion);
    },
    async purgeFeedback(before) {
      const at = before.getTime();
      return db.transaction(() => ({
        questions: q.purgeQuestions.run(at).changes,
        votes: q.purgeVotes.run(at).changes,
        languages: q.purgeLangs.run(at).changes,
      }))();
    },
    async deleteVotesOf(userHash) {
      return q.deleteVotesOf.run(userHash).changes;
    },
  };
}
