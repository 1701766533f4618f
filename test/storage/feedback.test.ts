// The feedback tables of both backends: one vote per user and answer, the question log, the counts of the
// report, the kept secret and the retention purge.
import { describe, expect, it } from 'vitest';
import type { QuestionRecord, VoteRecord } from '../../src/storage/feedback.js';
import { BACKENDS, POSTGRES_SKIP } from './open.js';

const at = (iso: string) => new Date(iso);

const vote = (fields: Partial<VoteRecord>): VoteRecord => ({
  answerKey: 'answer-1',
  userHash: 'user-1',
  entryId: 'find-partners',
  lang: 'nl',
  platform: 'slack',
  vote: 'up',
  at: at('2026-03-01T10:00:00Z'),
  ...fields,
});

const question = (fields: Partial<QuestionRecord>): QuestionRecord => ({
  askedAt: at('2026-03-01T10:00:00Z'),
  platform: 'teams',
  lang: 'en',
  outcome: 'answered',
  entryId: 'final-report',
  confidence: 0.9,
  text: undefined,
  nearest: [],
  ...fields,
});

for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`the ${backend.name} feedback storage${skip ? ` (skipped: ${POSTGRES_SKIP})` : ''}`, () => {
    const open = async () => backend.open();

    it('keeps one vote per user and answer: a second click changes it and says what it replaced', async () => {
      const { storage } = await open();
      expect(await storage.saveVote(vote({}))).toEqual({ previous: undefined });
      expect(await storage.saveVote(vote({ vote: 'down', at: at('2026-03-01T10:05:00Z') }))).toEqual({ previous: 'up' });
      await storage.saveVote(vote({ userHash: 'user-2' }));
      await storage.saveVote(vote({ answerKey: 'answer-2', entryId: 'final-report', vote: 'down' }));
      const summary = await storage.feedbackSummary(at('2026-01-01T00:00:00Z'));
      expect(summary.entries).toEqual(
        expect.arrayContaining([
          { entryId: 'find-partners', questions: 0, up: 1, down: 1 },
          { entryId: 'final-report', questions: 0, up: 0, down: 1 },
        ]),
      );
    });

    it('counts questions per outcome and per answered entry, and lists the unanswered ones newest first', async () => {
      const { storage } = await open();
      await storage.logQuestion(question({}));
      await storage.logQuestion(question({ askedAt: at('2026-03-02T10:00:00Z') }));
      await storage.logQuestion(question({ outcome: 'low-confidence', confidence: 0.5, text: 'final thing?', nearest: [{ entryId: 'final-report', score: 0.5 }] }));
      await storage.logQuestion(question({ outcome: 'declined', entryId: 'find-partners', confidence: 0.2, text: 'parking at the NA?', nearest: [{ entryId: 'find-partners', score: 0.2 }], askedAt: at('2026-03-03T10:00:00Z') }));
      await storage.logQuestion(question({ outcome: 'suggested', entryId: 'budget', confidence: 0.7 }));
      await storage.logQuestion(question({ askedAt: at('2025-01-01T00:00:00Z') }));

      const summary = await storage.feedbackSummary(at('2026-01-01T00:00:00Z'));
      expect(summary.outcomes).toEqual({ answered: 2, 'low-confidence': 1, suggested: 1, declined: 1 });
      expect(summary.entries).toEqual([{ entryId: 'final-report', questions: 3, up: 0, down: 0 }]);

      const unanswered = await storage.unansweredQuestions(at('2026-01-01T00:00:00Z'), 10);
      expect(unanswered.map((q) => [q.outcome, q.text, q.nearest])).toEqual([
        ['declined', 'parking at the NA?', [{ entryId: 'find-partners', score: 0.2 }]],
        ['low-confidence', 'final thing?', [{ entryId: 'final-report', score: 0.5 }]],
      ]);
    });

    it('deletes question texts and vote hashes before the cut-off, and keeps the counts', async () => {
      const { storage } = await open();
      await storage.logQuestion(question({ outcome: 'declined', text: 'old question', nearest: [{ entryId: 'budget', score: 0.1 }], askedAt: at('2026-01-01T00:00:00Z') }));
      await storage.logQuestion(question({ outcome: 'declined', text: 'new question', askedAt: at('2026-04-01T00:00:00Z') }));
      await storage.saveVote(vote({ at: at('2026-01-01T00:00:00Z') }));
      await storage.saveVote(vote({ answerKey: 'answer-new', at: at('2026-04-01T00:00:00Z') }));

      expect(await storage.purgeFeedback(at('2026-03-01T00:00:00Z'))).toEqual({ questions: 1, votes: 1, languages: 0 });
      expect(await storage.purgeFeedback(at('2026-03-01T00:00:00Z'))).toEqual({ questions: 0, votes: 0, languages: 0 });

      const since = at('2025-01-01T00:00:00Z');
      expect((await storage.unansweredQuestions(since, 10)).map((q) => q.text)).toEqual(['new question']);
      const summary = await storage.feedbackSummary(since);
      expect(summary.outcomes.declined).toBe(2);
      expect(summary.entries).toEqual([{ entryId: 'find-partners', questions: 0, up: 2, down: 0 }]);
      // The purged vote cannot be found again: a click on that old answer now counts as a new vote.
      expect(await storage.saveVote(vote({ at: at('2026-04-02T00:00:00Z') }))).toEqual({ previous: undefined });
    });

    it('creates a secret once and returns the same value after a restart', async () => {
      const { storage, another } = await open();
      const first = await storage.getOrCreateSecret('feedback-salt', () => 'generated-1', at('2026-01-01T00:00:00Z'));
      expect(first).toBe('generated-1');
      await storage.close();
      const reopened = await another();
      expect(await reopened.getOrCreateSecret('feedback-salt', () => 'generated-2', at('2026-02-01T00:00:00Z'))).toBe('generated-1');
    });
  });
}
