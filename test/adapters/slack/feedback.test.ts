// 👍/👎 and the report on Slack: the real Bolt app on the service host, the real assistant with feedback
// over the fixture knowledge and a SQLite file, signed block_actions, and the fake Web API catching the
// answers: the buttons under an answer, the ephemeral confirmation, one stored vote that a second click
// changes, and `report` for an admin and a non-admin.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { FakeSlackCall } from '../../fakes/slack-web-api.js';
import { createFeedbackSetup, type FeedbackSetup } from '../../feedback/helpers.js';
import { checkSlackLimits } from './limits.js';
import { blockActionsBody, dmEvent, eventCallback, FORM, mentionEvent, postToSlackEvents, startSlackHarness, type SlackHarness } from './harness.js';

let h: SlackHarness;
let s: FeedbackSetup;

beforeAll(async () => {
  s = createFeedbackSetup({ admins: ['slack:UADMIN001'] });
  h = await startSlackHarness({ assistant: s.assistant });
});
afterAll(async () => {
  await h.close();
  await s.cleanup();
});
beforeEach(() => h.fake.reset());

type Blocks = Parameters<typeof checkSlackLimits>[0];
const blocksOf = (call: FakeSlackCall | undefined): Blocks => (call?.args.blocks ?? []) as Blocks;

/** Asks in the DM and returns the answer's 👍 and 👎 buttons and the message ts. */
async function answerButtons(text: string): Promise<{ up: { action_id: string; value: string }; down: { action_id: string; value: string }; ts: string }> {
  await postToSlackEvents(h.baseUrl, eventCallback(dmEvent(text)));
  const [call] = await h.fake.waitForCalls('chat.postMessage', 1);
  const { buttons, violations } = checkSlackLimits(blocksOf(call));
  expect(violations).toEqual([]);
  const up = buttons.find((b) => b.value.startsWith('feedback:up:'));
  const down = buttons.find((b) => b.value.startsWith('feedback:down:'));
  if (!up || !down) throw new Error('the answer has no feedback buttons');
  h.fake.reset();
  return { up, down, ts: '1700000200.000100' };
}

const dmClick = (button: { action_id: string; value: string }, ts: string, user = 'UHUMAN001'): string =>
  blockActionsBody({
    user: { id: user, username: 'jan' },
    channel: { id: 'D0DM00001', name: 'directmessage' },
    container: { type: 'message', channel_id: 'D0DM00001', message_ts: ts },
    message: { type: 'message', ts, text: 'answer' },
    response_url: h.fake.responseUrl('dm-click'),
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'fb', value: button.value, action_ts: '1.2' }],
  });

describe('👍/👎 on Slack', () => {
  test('an answer carries the two buttons in their own actions block after the follow-ups', async () => {
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('hoe vind ik een partner')));
    const [call] = await h.fake.waitForCalls('chat.postMessage', 1);
    const blocks = blocksOf(call) as Array<{ type: string; elements?: Array<{ value?: string; text?: { text: string } }> }>;
    const last = blocks.at(-1);
    expect(last?.type).toBe('actions');
    expect(last?.elements?.map((e) => [e.text?.text, e.value])).toEqual([
      ['👍 Ja', 'feedback:up:nl:partner-search'],
      ['👎 Nee', 'feedback:down:nl:partner-search'],
    ]);
    expect(JSON.stringify(blocks.at(-2))).toContain('Had je hier iets aan?');
    expect(blocks.at(-3)?.elements?.some((e) => e.value?.startsWith('entry:'))).toBe(true);
  });

  test('a click is stored and confirmed to the clicker alone; a second click changes the vote', async () => {
    const { up, down, ts } = await answerButtons('how do I submit the final report');
    const votesBefore = s.rows('answer_votes').length;

    expect((await postToSlackEvents(h.baseUrl, dmClick(up, ts), { contentType: FORM })).status).toBe(200);
    const [ack] = await h.fake.waitForCalls('chat.postEphemeral', 1);
    expect(ack?.args).toMatchObject({ channel: 'D0DM00001', user: 'UHUMAN001', text: 'Thank you, your feedback was saved.' });
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(s.rows('answer_votes').slice(votesBefore)).toMatchObject([{ entry_id: 'final-report', vote: 'up', platform: 'slack', lang: 'en' }]);

    await postToSlackEvents(h.baseUrl, dmClick(down, ts), { contentType: FORM });
    const [, changed] = await h.fake.waitForCalls('chat.postEphemeral', 2);
    expect(changed?.args.text).toBe('Your vote is now 👎. Thank you!');
    const votes = s.rows('answer_votes').slice(votesBefore);
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ entry_id: 'final-report', vote: 'down' });
    expect(JSON.stringify(votes)).not.toContain('UHUMAN001');
  });

  test('in a channel thread the confirmation stays in the thread and only the clicker sees it', async () => {
    await postToSlackEvents(h.baseUrl, eventCallback(mentionEvent('how do I find a partner')));
    const [answer] = await h.fake.waitForCalls('chat.postMessage', 1);
    const up = checkSlackLimits(blocksOf(answer)).buttons.find((b) => b.value.startsWith('feedback:up:'));
    const body = blockActionsBody({
      user: { id: 'UHUMAN002', username: 'anna' },
      channel: { id: 'C0CHAN001', name: 'team' },
      container: { type: 'message', channel_id: 'C0CHAN001', message_ts: '1700000300.000300' },
      message: { type: 'message', ts: '1700000300.000300', thread_ts: '1700000300.000100', text: 'answer' },
      actions: [{ type: 'button', action_id: up?.action_id, block_id: 'fb', value: up?.value, action_ts: '1.2' }],
    });
    await postToSlackEvents(h.baseUrl, body, { contentType: FORM });
    const [ack] = await h.fake.waitForCalls('chat.postEphemeral', 1);
    expect(ack?.args).toMatchObject({ channel: 'C0CHAN001', user: 'UHUMAN002', thread_ts: '1700000300.000100' });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('the report on Slack', () => {
  test('an admin gets the report in the DM within Block Kit limits', async () => {
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('what is the capital of Peru')));
    await h.fake.waitForCalls('chat.postMessage', 1);
    h.fake.reset();
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('report', { user: 'UADMIN001', channel: 'D0ADMIN01' })));
    const [call] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(call?.args.channel).toBe('D0ADMIN01');
    const report = checkSlackLimits(blocksOf(call));
    expect(report.violations).toEqual([]);
    expect(report.texts[0]).toBe('Feedback report');
    expect(report.texts.join('\n')).toContain('"what is the capital of Peru"');
  });

  test('someone else gets a polite refusal with their id, and the reporting phase to pick', async () => {
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('report')));
    const [call] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(call?.args.text).toContain('only for the people who keep the knowledge');
    expect(call?.args.text).toContain('slack:UHUMAN001');
    expect(checkSlackLimits(blocksOf(call)).buttons.map((b) => b.value)).toEqual(['phase:reporting']);
  });
});
