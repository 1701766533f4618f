// The retention purge on a fake clock: question texts and vote hashes go after RETENTION_DAYS, once a
// day; the counts stay.
import { afterEach, describe, expect, it } from 'vitest';
import { createRetentionPurge } from '../../src/feedback/retention.js';
import { createLogger } from '../../src/logger.js';
import type { Conversation } from '../../src/input.js';
import { createFeedbackSetup, type FeedbackSetup } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;
const personal: Conversation = { platform: 'teams', channelId: 'a:personal', userId: 'aad-jan', kind: 'personal' };
let setup: FeedbackSetup | undefined;
afterEach(async () => {
  await setup?.cleanup();
  setup = undefined;
});

describe('the retention purge', () => {
  it('deletes question texts and vote hashes older than RETENTION_DAYS, once a day by the clock', async () => {
    const s = (setup = createFeedbackSetup({ at: '2026-01-01T09:00:00Z', retentionDays: 30 }));
    const purge = createRetentionPurge({ storage: s.storage, clock: s.clock, retentionDays: 30, logger: createLogger('silent') });
    const ask = (text: string) => s.assistant.handle({ text, conversation: personal });

    await ask('what is the capital of Peru');
    await s.assistant.handle({ action: 'feedback:down:en:final-report', conversation: personal, messageId: 'card-1' });
    s.clock.advance(20 * DAY);
    await ask('final report rules for lunch');

    expect(await purge.tick()).toEqual({ questions: 0, votes: 0, languages: 0 });
    s.clock.advance(23 * 60 * 60 * 1000);
    expect(await purge.tick()).toBeUndefined();
    s.clock.advance(10 * DAY + 60 * 60 * 1000);
    expect(await purge.tick()).toEqual({ questions: 1, votes: 1, languages: 0 });
    s.clock.advance(12 * 60 * 60 * 1000);
    expect(await purge.tick()).toBeUndefined();
    expect(s.rows('question_log').map((row) => row.text)).toEqual([null, 'final report rules for lunch']);
    expect(s.rows('question_log')[0]).toMatchObject({ outcome: 'declined', nearest: null });
    expect(s.rows('answer_votes')[0]).toMatchObject({ answer_key: null, user_hash: null, vote: 'down', entry_id: 'final-report' });

    s.clock.advance(20 * DAY);
    expect(await purge.tick()).toEqual({ questions: 1, votes: 0, languages: 0 });
    expect(s.rows('question_log').map((row) => row.text)).toEqual([null, null]);
    const summary = await s.storage.feedbackSummary(new Date(0));
    expect(summary.outcomes.declined).toBe(2);
    expect(summary.entries).toEqual([{ entryId: 'final-report', questions: 0, up: 0, down: 1 }]);
  });

  it('runs at start and stops cleanly', async () => {
    const s = (setup = createFeedbackSetup({ at: '2026-01-01T09:00:00Z' }));
    await s.assistant.handle({ text: 'what is the capital of Peru', conversation: personal });
    s.clock.advance(91 * DAY);
    const purge = createRetentionPurge({ storage: s.storage, clock: s.clock, retentionDays: 90, logger: createLogger('silent') });
    purge.start();
    await purge.stop();
    expect(s.rows('question_log')[0]?.text).toBeNull();
  });
});
