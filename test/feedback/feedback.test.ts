// Answer feedback through the real assistant over the fixture knowledge and a real SQLite file: the
// question log (declined and weak answers with their text, answered ones without), votes by salted hash
// (a second click changes the vote), and the report for admins only.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFeedbackAction } from '../../src/feedback/actions.js';
import { forgetFeedbackUser, parseFeedbackUser } from '../../src/feedback/forget.js';
import { toQuestionRecord } from '../../src/feedback/question-log.js';
import type { Conversation, Input } from '../../src/input.js';
import { toPlainText } from '../../src/plain-text.js';
import type { Reply } from '../../src/reply.js';
import { createFeedbackSetup, type FeedbackSetup } from './helpers.js';

const personal: Conversation = { platform: 'slack', channelId: 'D0DM00001', userId: 'UHUMAN001', kind: 'personal' };
const channel: Conversation = { platform: 'teams', channelId: '19:general@thread.tacv2', userId: 'aad-jan', kind: 'channel' };

let setups: FeedbackSetup[] = [];
afterEach(async () => {
  for (const setup of setups) await setup.cleanup();
  setups = [];
});
function setUp(options: Parameters<typeof createFeedbackSetup>[0] = {}): FeedbackSetup {
  const setup = createFeedbackSetup(options);
  setups.push(setup);
  return setup;
}

const ask = (s: FeedbackSetup, text: string, conversation = personal, extra: Partial<Input> = {}): Promise<Reply> =>
  s.assistant.handle({ text, conversation, ...extra });
const click = (s: FeedbackSetup, action: string, conversation = personal, messageId = '1700000100.000100'): Promise<Reply> =>
  s.assistant.handle({ action, conversation, messageId });

describe('the question log', () => {
  it('stores a declined question with its text and nearest entries, and an answered one without text', async () => {
    const s = setUp();
    expect((await ask(s, 'final report rules for lunch')).kind).toBe('not-found');
    expect((await ask(s, 'how do I find a partner')).kind).toBe('answer');
    const [declined, answered] = s.rows('question_log');
    expect(declined).toMatchObject({ platform: 'slack', lang: 'en', outcome: 'declined', entry_id: 'final-report', text: 'final report rules for lunch' });
    const nearest = JSON.parse(String(declined?.nearest)) as Array<{ entryId: string; score: number }>;
    expect(nearest).toEqual([{ entryId: 'final-report', score: expect.any(Number) }]);
    expect(nearest[0]?.score).toBeGreaterThan(0);
    expect(nearest[0]?.score).toBeLessThan(0.48);
    expect(answered).toMatchObject({ platform: 'slack', lang: 'en', outcome: 'answered', entry_id: 'partner-search', confidence: 1, text: null, nearest: null });
    expect(answered?.asked_at).toBe(new Date('2026-03-02T10:00:00Z').getTime());
  });

  it('keeps the text of an answer given with low confidence, but not of a choice of topics', async () => {
    const s = setUp();
    const reply = await ask(s, 'how do I find a partner school abroad quickly and cheaply');
    expect(reply.kind).toBe('answer');
    expect(s.rows('question_log')[0]).toMatchObject({ outcome: 'low-confidence', entry_id: 'partner-search', text: 'how do I find a partner school abroad quickly and cheaply' });
  });

  it('logs only typed questions that reach the matcher: no commands, phases or clicks', async () => {
    const s = setUp();
    await ask(s, 'help');
    await ask(s, 'rapportage');
    await click(s, 'entry:final-report');
    expect(s.rows('question_log')).toEqual([]);
  });

  it.each([
    ['answered, confident', 'answered', 0.9, 'answered', false],
    ['answered, weak', 'answered', 0.5, 'low-confidence', true],
    ['a choice of topics', 'suggested', 0.7, 'suggested', false],
    ['declined', 'declined', 0.2, 'declined', true],
  ] as const)('%s is stored as %s', (_name, outcome, confidence, stored, keepsText) => {
    const record = toQuestionRecord(
      { input: { text: 'q', conversation: personal }, text: 'q', lang: 'nl', outcome, entryId: outcome === 'answered' ? 'a' : undefined, candidates: [{ entryId: 'a', confidence }, { entryId: 'b', confidence: 0.1 }] },
      new Date(0),
    );
    expect(record.outcome).toBe(stored);
    expect(record.text).toBe(keepsText ? 'q' : undefined);
    expect(record.nearest.length).toBe(keepsText ? 2 : 0);
    expect(record.entryId).toBe('a');
  });
});

describe('👍/👎 on answers', () => {
  it('puts the buttons on every answer, apart from the follow-ups, in the answer language', async () => {
    const s = setUp();
    const reply = await ask(s, 'hoe vind ik een partner');
    expect(reply.kind === 'answer' && reply.feedback).toMatchObject({
      prompt: 'Had je hier iets aan?',
      up: { action: 'feedback:up:nl:partner-search' },
      down: { action: 'feedback:down:nl:partner-search' },
    });
    expect(reply.kind === 'answer' && reply.followUps.some((f) => f.action.startsWith('feedback:'))).toBe(false);
    const clicked = await click(s, 'entry:final-report', personal);
    expect(clicked.kind === 'answer' && clicked.feedback?.up.action).toBe('feedback:up:nl:final-report');
  });

  it('stores a click by salted hashes; clicking again changes the vote instead of adding one', async () => {
    const s = setUp({ salt: 'test-salt' });
    const first = await click(s, 'feedback:up:en:final-report');
    expect(first).toMatchObject({ kind: 'feedback-ack', vote: 'up', previous: undefined, text: 'Thank you, your feedback was saved.' });
    const second = await click(s, 'feedback:down:en:final-report');
    expect(second).toMatchObject({ kind: 'feedback-ack', vote: 'down', previous: 'up', text: 'Your vote is now 👎. Thank you!' });
    const again = await click(s, 'feedback:down:en:final-report');
    expect(again).toMatchObject({ previous: undefined, text: 'You had already voted this way; your feedback stays saved.' });

    const votes = s.rows('answer_votes');
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ entry_id: 'final-report', vote: 'down', lang: 'en', platform: 'slack' });
    const expectedUser = createHmac('sha256', 'test-salt').update(['user', 'slack', 'UHUMAN001'].join('\u0000')).digest('hex');
    expect(votes[0]?.user_hash).toBe(expectedUser);
    expect(JSON.stringify(votes)).not.toContain('UHUMAN001');
    expect(JSON.stringify(votes)).not.toContain('D0DM00001');
  });

  it('counts a vote per answer message and per user', async () => {
    const s = setUp();
    await click(s, 'feedback:up:nl:final-report', personal, 'm1');
    await click(s, 'feedback:up:nl:final-report', personal, 'm2');
    await click(s, 'feedback:down:nl:final-report', { ...personal, userId: 'UOTHER' }, 'm1');
    expect(s.rows('answer_votes').map((v) => v.vote)).toEqual(['up', 'up', 'down']);
  });

  it('creates a random salt once when none is configured, keeps it in the database and never shows it', async () => {
    const s = setUp();
    const ack = await click(s, 'feedback:up:nl:final-report');
    const [secret] = s.rows('service_secrets');
    expect(secret?.name).toBe('feedback-salt');
    expect(String(secret?.value)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(ack)).not.toContain(String(secret?.value));
    await click(s, 'feedback:up:nl:interim-report');
    expect(s.rows('service_secrets')).toHaveLength(1);
  });

  it('in a personal chat redraws the answer with the vote and only the other button; in a channel keeps both', async () => {
    const s = setUp();
    const mine = await click(s, 'feedback:up:nl:final-report');
    expect(mine.kind === 'feedback-ack' && mine.answer?.feedback).toMatchObject({ given: 'up', saved: 'Bedankt, je feedback is opgeslagen.' });
    const shared = await click(s, 'feedback:down:en:final-report', channel);
    expect(shared.kind === 'feedback-ack' && shared.answer?.feedback?.given).toBeUndefined();
    expect(shared.kind === 'feedback-ack' && shared.answer?.feedback?.saved).toBe('Thank you for the feedback. Everyone here can give their own.');
    expect(shared.kind === 'feedback-ack' && shared.answer?.title).toBe('Final report');
  });

  it('deletes every vote of one user on request, found by the hash of their id', async () => {
    const s = setUp();
    await click(s, 'feedback:up:nl:final-report', personal, 'm1');
    await click(s, 'feedback:down:nl:interim-report', personal, 'm2');
    await click(s, 'feedback:up:nl:final-report', { ...personal, userId: 'UOTHER' }, 'm1');
    const user = parseFeedbackUser('slack:UHUMAN001');
    expect(user).toEqual({ platform: 'slack', userId: 'UHUMAN001' });
    expect(parseFeedbackUser('mail:x')).toBeUndefined();
    expect(await forgetFeedbackUser(s.storage, undefined, s.clock, user ?? personal)).toBe(2);
    expect(s.rows('answer_votes')).toHaveLength(1);
    expect(await forgetFeedbackUser(s.storage, undefined, s.clock, user ?? personal)).toBe(0);
  });

  it('reads only its own action ids', () => {
    expect(parseFeedbackAction('feedback:up:nl:final-report')).toEqual({ vote: 'up', lang: 'nl', entryId: 'final-report' });
    for (const other of ['feedback:maybe:nl:x', 'feedback:up:de:x', 'entry:final-report', 'feedback:up:nl:Bad Id']) expect(parseFeedbackAction(other)).toBeUndefined();
  });
});

describe('the report', () => {
  it('refuses a non-admin politely, names their id for BOT_ADMINS and offers the phase they may have meant', async () => {
    const s = setUp({ admins: ['slack:UADMIN001'] });
    const reply = await ask(s, 'report');
    expect(reply.kind).toBe('message');
    expect(toPlainText(reply)).toContain('only for the people who keep the knowledge');
    expect(toPlainText(reply)).toContain('slack:UHUMAN001');
    expect(reply.kind === 'message' && reply.followUps).toEqual([{ label: 'Reporting', action: 'phase:reporting' }]);
    const dutch = await ask(s, 'rapport');
    expect(dutch.lang).toBe('nl');
    expect(toPlainText(dutch)).toContain('alleen voor de beheerders');
  });

  it('shows an admin, in a personal chat, the counts per phase and entry and what to add next', async () => {
    const s = setUp({ admins: ['slack:UADMIN001', 'teams:aad-jan'] });
    await ask(s, 'how do I find a partner');
    await ask(s, 'partner');
    await ask(s, 'final report rules for lunch');
    await ask(s, 'final report rules for lunch');
    await ask(s, 'what is the capital of Peru');
    await click(s, 'feedback:up:en:partner-search');
    await click(s, 'feedback:down:en:final-report', { ...personal, userId: 'UOTHER' });

    const admin = { ...personal, userId: 'UADMIN001', channelId: 'D0ADMIN01' };
    const reply = await ask(s, 'report', admin);
    expect(reply.kind).toBe('report');
    if (reply.kind !== 'report') return;
    expect(reply.intro).toContain('**5 questions**, 2 answered');
    expect(reply.intro).toContain('3 declined');
    expect(reply.sections.map((part) => part.title)).toEqual(['Preparation', 'Reporting', 'Declined or weakly answered: top 10 to add', 'Answers that did not help']);
    expect(reply.sections[0]?.body).toBe('- Finding project partners: 2 questions · 👍 1 · 👎 0');
    expect(reply.sections[1]?.body).toBe('- Final report: 0 questions · 👍 0 · 👎 1');
    expect(reply.sections[2]?.body).toMatch(
      /^\*\*1\. Nearest: Final report\*\*: 2 questions \(best score 0\.[0-4]\d\)\n- "final report rules for lunch"\n\n\*\*2\. Nearest: nothing in the knowledge\*\*: 1 question \(best score 0\.00\)\n- "what is the capital of Peru"$/,
    );

    const inChannel = await ask(s, 'report', channel);
    expect(inChannel.kind).toBe('message');
    expect(toPlainText(inChannel)).toContain('personal chat');
  });

  it('keeps "report" the reporting phase for an assistant without feedback', async () => {
    const { createAssistant } = await import('../../src/assistant.js');
    const { knowledge } = await import('../notices/helpers.js');
    const plain = createAssistant({ knowledge });
    expect((await plain.handle({ text: 'report', conversation: personal })).kind).toBe('phase');
  });
});
