// The Slack surface over real HTTP: the real Bolt app mounted on the service host (port 0), signed
// requests in, and every Web API and response_url call caught by the local fake. The assistant is the
// real one over the fixture knowledge.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createAssistant } from '../../../src/assistant.js';
import { fixedClock } from '../../../src/clock.js';
import { createDistanceSkill } from '../../../src/distance/skill.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, type FakeSlackCall } from '../../fakes/slack-web-api.js';
import { checkSlackLimits } from './limits.js';
import {
  BOT_TOKEN,
  FIXTURE_KNOWLEDGE,
  FORM,
  blockActionsBody,
  dmEvent,
  eventCallback,
  mentionEvent,
  postToSlackEvents,
  signSlackBody,
  slashCommandBody,
  startSlackHarness,
  type SignedRequestOptions,
  type SlackHarness,
} from './harness.js';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.fake.reset();
  h.logs.length = 0;
  h.sleeps.length = 0;
});

type Blocks = Parameters<typeof checkSlackLimits>[0];
const blocksOf = (call: FakeSlackCall | undefined): Blocks => (call?.args.blocks ?? []) as Blocks;
const textsOf = (call: FakeSlackCall | undefined): string => checkSlackLimits(blocksOf(call)).texts.join('\n');
const sideEffects = (): FakeSlackCall[] => h.fake.calls.filter((call) => call.method !== 'auth.test');
const now = (): number => Math.floor(Date.now() / 1000);

describe('answers where the question was asked', () => {
  test('a direct message is answered in the DM with Block Kit and a fallback text', async () => {
    const response = await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('how do I find a partner')));
    expect(response.status).toBe(200);
    const [call] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(call?.token).toBe(BOT_TOKEN);
    expect(call?.args.channel).toBe('D0DM00001');
    expect(call?.args.thread_ts).toBeUndefined();
    expect(call?.args.text).toContain('Finding project partners');
    expect(checkSlackLimits(blocksOf(call)).violations).toEqual([]);
    expect(textsOf(call)).toContain('<https://school-education.ec.europa.eu/en/etwinning|eTwinning>');
  });

  test('a DM that starts with a typed /erasmus is answered as the command', async () => {
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('/erasmus help')));
    const [call] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(call?.args.text).toContain('How the Erasmus+ mbo assistant works');
  });

  test('an @mention in a channel is answered in a thread under the question', async () => {
    const event = mentionEvent('hoe vind ik een partner');
    await postToSlackEvents(h.baseUrl, eventCallback(event));
    const [call] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(call?.args.channel).toBe('C0CHAN001');
    expect(call?.args.thread_ts).toBe(event.ts);
    expect(call?.args.text).toContain('Projectpartners zoeken');
  });

  test.each([
    ['how do I find a partner', 'Finding project partners'],
    ['help', 'How the Erasmus+ mbo assistant works'],
    ['roadmap', 'Voorbereiding'],
    ['tools', 'Afstandscalculator'],
  ])('/erasmus %s is acknowledged at once and answered through the response_url', async (text, expected) => {
    const responseUrl = h.fake.responseUrl(`cmd-${text}`);
    const response = await postToSlackEvents(h.baseUrl, slashCommandBody(text, responseUrl, { user_id: `UCMD${text.length}` }), { contentType: FORM });
    expect(response.status).toBe(200);
    const [call] = await h.fake.waitForCalls('response_url', 1);
    expect(call?.path).toBe(new URL(responseUrl).pathname);
    expect(call?.args.response_type).toBe('ephemeral');
    expect(call?.args.replace_original).toBe(false);
    expect(`${String(call?.args.text)}\n${textsOf(call)}`).toContain(expected);
    expect(checkSlackLimits(blocksOf(call)).violations).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  test('/erasmus afstand answers with the distance, band and the place data attribution', async () => {
    const knowledge = loadKnowledge(FIXTURE_KNOWLEDGE);
    const withDistance = await startSlackHarness({ assistant: createAssistant({ knowledge, skills: [createDistanceSkill({ knowledgeDir: 'knowledge' })] }) });
    try {
      const responseUrl = withDistance.fake.responseUrl('afstand');
      await postToSlackEvents(withDistance.baseUrl, slashCommandBody('afstand Zwolle Helsinki', responseUrl), { contentType: FORM });
      const [call] = await withDistance.fake.waitForCalls('response_url', 1);
      const shown = `${String(call?.args.text)}\n${textsOf(call)}`;
      expect(shown).toContain('Zwolle – Helsinki');
      expect(shown).toMatch(/500–1999 km/);
      expect(shown).toContain('GeoNames');
      expect(checkSlackLimits(blocksOf(call)).violations).toEqual([]);
    } finally {
      await withDistance.close();
    }
  });

  test('a button click is answered in the same thread, in the language the button was shown in', async () => {
    const body = blockActionsBody({
      user: { id: 'UHUMAN002', username: 'anna' },
      channel: { id: 'C0CHAN001', name: 'team' },
      container: { type: 'message', channel_id: 'C0CHAN001', message_ts: '1700000100.000300' },
      message: { type: 'message', ts: '1700000100.000300', thread_ts: '1700000100.000100', text: 'x' },
      response_url: h.fake.responseUrl('click'),
      actions: [{ type: 'button', action_id: 'erasmus:en:1', block_id: 'b1', value: 'entry:distance-calculator', action_ts: '1.2' }],
    });
    const response = await postToSlackEvents(h.baseUrl, body, { contentType: FORM });
    expect(response.status).toBe(200);
    const [call] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(call?.args.channel).toBe('C0CHAN001');
    expect(call?.args.thread_ts).toBe('1700000100.000100');
    expect(call?.args.text).toContain('Distance calculator');
  });

  test('a click on an ephemeral slash command answer is answered through its response_url', async () => {
    const body = blockActionsBody({
      user: { id: 'UHUMAN003', username: 'bo' },
      channel: { id: 'C0CHAN001', name: 'team' },
      container: { type: 'message', channel_id: 'C0CHAN001', is_ephemeral: true, message_ts: '1.1' },
      response_url: h.fake.responseUrl('ephemeral-click'),
      actions: [{ type: 'button', action_id: 'erasmus:nl:2', block_id: 'b1', value: 'phase:reporting', action_ts: '1.2' }],
    });
    await postToSlackEvents(h.baseUrl, body, { contentType: FORM });
    const [call] = await h.fake.waitForCalls('response_url', 1);
    expect(call?.path).toBe('/response/ephemeral-click');
    expect(textsOf(call)).toContain('Rapportage (2/2)');
  });

  test('opening the App Home tab publishes the roadmap, quick links and how to use the bot; the switch shows English', async () => {
    await postToSlackEvents(h.baseUrl, eventCallback({ type: 'app_home_opened', user: 'UHOME0001', channel: 'D0HOME001', tab: 'home', event_ts: '1.1' }));
    const [home] = await h.fake.waitForCalls('views.publish', 1);
    expect(home?.args.user_id).toBe('UHOME0001');
    const view = home?.args.view as { type: string; blocks: Blocks };
    expect(view.type).toBe('home');
    const report = checkSlackLimits(view.blocks, 100);
    expect(report.violations).toEqual([]);
    expect(report.texts.join('\n')).toMatch(/Voorbereiding[\s\S]*Rapportage/);
    expect(report.texts.join('\n')).toContain('/erasmus');

    const lang = report.buttons.find((b) => b.value === 'en');
    const click = blockActionsBody({
      user: { id: 'UHOME0001', username: 'c' },
      container: { type: 'view', view_id: 'VFAKE0001' },
      view: { id: 'VFAKE0001', type: 'home' },
      actions: [{ type: 'button', action_id: lang?.action_id, block_id: 'b', value: 'en', action_ts: '1.3' }],
    });
    await postToSlackEvents(h.baseUrl, click, { contentType: FORM });
    const [, english] = await h.fake.waitForCalls('views.publish', 2);
    expect(checkSlackLimits((english?.args.view as { blocks: Blocks }).blocks, 100).texts.join('\n')).toMatch(/Preparation[\s\S]*Reporting/);

    // Opened again, the tab stays in the language it was last shown in: the view carries it.
    const shown = english?.args.view as { private_metadata?: string };
    expect(shown.private_metadata).toBe('en');
    await postToSlackEvents(h.baseUrl, eventCallback({ type: 'app_home_opened', user: 'UHOME0001', channel: 'D0HOME001', tab: 'home', view: { id: 'VFAKE0001', type: 'home', private_metadata: 'en' }, event_ts: '1.4' }));
    const [, , again] = await h.fake.waitForCalls('views.publish', 3);
    expect(checkSlackLimits((again?.args.view as { blocks: Blocks }).blocks, 100).texts.join('\n')).toMatch(/Preparation[\s\S]*Reporting/);
  });

  test('a phase button on the App Home tab is answered in the DM with the user', async () => {
    const click = blockActionsBody({
      user: { id: 'UHOME0002', username: 'd' },
      container: { type: 'view', view_id: 'VFAKE0001' },
      view: { id: 'VFAKE0001', type: 'home' },
      actions: [{ type: 'button', action_id: 'erasmus:en:1', block_id: 'b', value: 'phase:preparation', action_ts: '1.3' }],
    });
    await postToSlackEvents(h.baseUrl, click, { contentType: FORM });
    const [call] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(call?.args.channel).toBe('UHOME0002');
    expect(textsOf(call)).toContain('Preparation (1/2)');
  });

  test('Slack’s URL verification challenge is answered', async () => {
    const response = await postToSlackEvents(h.baseUrl, JSON.stringify({ type: 'url_verification', challenge: 'chal-123', token: 't' }));
    expect(response.status).toBe(200);
    expect(response.body).toContain('chal-123');
  });
});

describe('stays silent where it must', () => {
  test.each([
    ['its own message', dmEvent('how do I find a partner', { user: FAKE_BOT_USER_ID })],
    ['its own bot message', dmEvent('how do I find a partner', { subtype: 'bot_message', bot_id: FAKE_BOT_ID, user: undefined })],
    ['another bot', dmEvent('how do I find a partner', { subtype: 'bot_message', bot_id: 'BOTHER001' })],
    ['an edit', dmEvent('', { subtype: 'message_changed', message: { text: 'how do I find a partner', user: 'UHUMAN001' } })],
    ['a deletion', dmEvent('', { subtype: 'message_deleted', user: undefined })],
    ['a channel message without a mention', dmEvent('how do I find a partner', { channel: 'C0CHAN001', channel_type: 'channel' })],
  ])('%s gets no answer', async (_name, event) => {
    const response = await postToSlackEvents(h.baseUrl, eventCallback(event));
    expect(response.status).toBe(200);
    // A real question sent afterwards is the barrier: once it is answered, the first was handled too.
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('where is the distance calculator', { channel: 'D0BARRIER' })));
    const calls = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(sideEffects().map((c) => c.args.channel)).toEqual(['D0BARRIER']);
    expect(calls).toHaveLength(1);
  });
});

describe('Slack’s rules', () => {
  test('the ack does not wait for the answer: a stalled Web API still gets a fast 200', async () => {
    const release = h.fake.hold('chat.postMessage');
    try {
      const response = await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('how do I find a partner')));
      expect(response.status).toBe(200);
      expect(response.ms).toBeLessThan(3000);
      await h.fake.waitForCalls('chat.postMessage', 1);
      // The answer is still on its way while Slack already has its 200.
      expect(h.fake.pending('chat.postMessage')).toBe(1);
    } finally {
      release();
    }
    await expect.poll(() => h.fake.pending('chat.postMessage')).toBe(0);
  });

  test('a stalled response_url does not hold up the slash command ack', async () => {
    const release = h.fake.hold('response_url');
    try {
      const response = await postToSlackEvents(h.baseUrl, slashCommandBody('roadmap', h.fake.responseUrl('slow')), { contentType: FORM });
      expect(response.status).toBe(200);
      expect(response.ms).toBeLessThan(3000);
      await h.fake.waitForCalls('response_url', 1);
      expect(h.fake.pending('response_url')).toBe(1);
    } finally {
      release();
    }
  });

  test('a retried delivery of the same event_id is acknowledged and answered once', async () => {
    const body = eventCallback(dmEvent('how do I find a partner', { channel: 'D0RETRY01' }), 'EvRETRY0001');
    expect((await postToSlackEvents(h.baseUrl, body)).status).toBe(200);
    await h.fake.waitForCalls('chat.postMessage', 1);
    for (const retry of ['1', '2']) {
      const response = await postToSlackEvents(h.baseUrl, body, { headers: { 'x-slack-retry-num': retry, 'x-slack-retry-reason': 'http_timeout' } });
      expect(response.status).toBe(200);
    }
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('where is the distance calculator', { channel: 'D0BARRIER' })));
    await h.fake.waitForCalls('chat.postMessage', 2);
    expect(sideEffects().map((c) => c.args.channel)).toEqual(['D0RETRY01', 'D0BARRIER']);
    expect(h.logs.filter((line) => line.msg === 'slack retry of a handled event skipped').map((line) => line.retryNum)).toEqual([1, 2]);
  });


  test.each<[string, SignedRequestOptions]>([
    ['a forged signature', { signature: `v0=${'0'.repeat(64)}` }],
    ['a signature made with another secret', { signature: signSlackBody('{}', now(), 'another-secret') }],
    ['no signature headers', { unsigned: true }],
    ['a timestamp older than 5 minutes', { timestamp: now() - 6 * 60 }],
    ['a timestamp from the future', { timestamp: now() + 6 * 60 }],
    ['a timestamp that is not a number', { headers: { 'x-slack-request-timestamp': 'yesterday' }, signature: 'v0=abc' }],
  ])('%s gets a 401 and reaches no listener', async (_name, options) => {
    const body = eventCallback(dmEvent('how do I find a partner'));
    const signed = options.timestamp !== undefined ? { ...options, signature: signSlackBody(body, options.timestamp) } : options;
    const response = await postToSlackEvents(h.baseUrl, body, signed);
    expect(response.status).toBe(401);
    const command = await postToSlackEvents(h.baseUrl, slashCommandBody('help', h.fake.responseUrl('forged')), { ...signed, contentType: FORM });
    expect(command.status).toBe(401);
    // The barrier: a valid request afterwards is answered, and it is the only side effect.
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('where is the distance calculator', { channel: 'D0BARRIER' })));
    await h.fake.waitForCalls('chat.postMessage', 1);
    expect(sideEffects().map((c) => c.args.channel)).toEqual(['D0BARRIER']);
  });

  test('a body changed after signing gets a 401', async () => {
    const timestamp = now();
    const body = eventCallback(dmEvent('how do I find a partner'));
    const response = await postToSlackEvents(h.baseUrl, body.replace('partner', 'budget'), { timestamp, signature: signSlackBody(body, timestamp) });
    expect(response.status).toBe(401);
    expect(sideEffects()).toEqual([]);
  });

  test('a signed body that is not JSON gets a 400; a command nobody listens to gets a 404', async () => {
    expect((await postToSlackEvents(h.baseUrl, '{"type":"event_callback",')).status).toBe(400);
    const other = await postToSlackEvents(h.baseUrl, slashCommandBody('help', h.fake.responseUrl('other'), { command: '/other' }), { contentType: FORM });
    expect(other.status).toBe(404);
    expect(sideEffects()).toEqual([]);
  });

  test('the timestamp window follows the adapter’s clock', async () => {
    const skewed = await startSlackHarness({ clock: fixedClock(new Date(Date.now() + 10 * 60 * 1000)) });
    try {
      const response = await postToSlackEvents(skewed.baseUrl, eventCallback(dmEvent('how do I find a partner')));
      expect(response.status).toBe(401);
      expect(skewed.logs.find((line) => line.msg === 'slack request refused')).toMatchObject({ code: 'SLACK_REQUEST_STALE' });
      expect(skewed.fake.calls.filter((call) => call.method !== 'auth.test')).toEqual([]);
    } finally {
      await skewed.close();
    }
  });

  test('an unsigned ssl_check is answered with 200 and nothing else happens', async () => {
    const response = await postToSlackEvents(h.baseUrl, 'ssl_check=1&token=legacy', { contentType: FORM, unsigned: true });
    expect(response.status).toBe(200);
    const smuggled = await postToSlackEvents(h.baseUrl, slashCommandBody('help', h.fake.responseUrl('ssl'), { ssl_check: '1' }), { contentType: FORM, unsigned: true });
    expect(smuggled.status).toBe(200);
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('where is the distance calculator', { channel: 'D0BARRIER' })));
    await h.fake.waitForCalls('chat.postMessage', 1);
    expect(sideEffects().map((c) => c.args.channel)).toEqual(['D0BARRIER']);
  });

  test('a body over 1 MB gets a 413', async () => {
    const body = eventCallback(dmEvent('x'.repeat(1024 * 1024)));
    const response = await postToSlackEvents(h.baseUrl, body);
    expect(response.status).toBe(413);
    expect(sideEffects()).toEqual([]);
  });

  test('a 429 from the Web API is retried after Retry-After and the answer arrives', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('how do I find a partner', { channel: 'D0RATE001' })));
    const [limited, retried] = await h.fake.waitForCalls('chat.postMessage', 2);
    expect(h.sleeps).toEqual([1000]);
    expect(retried?.args).toEqual(limited?.args);
    expect(String(retried?.args.text)).toContain('Finding project partners');
    await expect.poll(() => h.logs.some((line) => line.msg === 'slack answer sent')).toBe(true);
    expect(h.logs.some((line) => line.msg === 'slack answer failed')).toBe(false);
  });

  test('a 429 from a response_url is retried after Retry-After', async () => {
    h.fake.failNext('response_url', { status: 429, retryAfterSeconds: 1 });
    await postToSlackEvents(h.baseUrl, slashCommandBody('tools', h.fake.responseUrl('limited')), { contentType: FORM });
    const [limited, retried] = await h.fake.waitForCalls('response_url', 2);
    expect(h.sleeps).toEqual([1000]);
    expect(retried?.args).toEqual(limited?.args);
  });

  test('a failing Web API call gives the user one friendly line; the details go to the log', async () => {
    h.fake.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'invalid_blocks' } });
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('how do I find a partner', { channel: 'D0FAIL001' })));
    const [failed, notice] = await h.fake.waitForCalls('chat.postMessage', 2);
    expect(failed?.args.blocks).toBeDefined();
    expect(notice?.args.channel).toBe('D0FAIL001');
    expect(notice?.args.text).toBe('Sorry, something went wrong on my side. Please try again in a moment.');
    expect(checkSlackLimits(blocksOf(notice)).buttons).toEqual([]);
    const logged = h.logs.find((line) => line.msg === 'slack answer failed');
    expect(logged).toMatchObject({ level: 50, code: 'SLACK_API_ERROR', slackError: 'invalid_blocks', source: 'message.im' });
    expect(JSON.stringify(h.logs)).not.toContain(BOT_TOKEN);
    expect(JSON.stringify(h.logs)).not.toContain('how do I find a partner');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  test('a server error that outlasts the retries ends in the friendly line too', async () => {
    for (let i = 0; i < 3; i += 1) h.fake.failNext('chat.postMessage', { status: 503 });
    await postToSlackEvents(h.baseUrl, eventCallback(mentionEvent('how do I find a partner')));
    const calls = await h.fake.waitForCalls('chat.postMessage', 4);
    expect(calls.at(-1)?.args.text).toBe('Sorry, something went wrong on my side. Please try again in a moment.');
    expect(h.logs.find((line) => line.msg === 'slack answer failed')).toMatchObject({ code: 'SLACK_HTTP_ERROR', status: 503 });
  });
});

describe('safe by default', () => {
  test.each([
    ['null', 'null', 'application/json'],
    ['an event_callback whose event is null', '{"type":"event_callback","event_id":"EvNULL01","event":null}', 'application/json'],
    ['an event_callback without an event', '{"type":"event_callback","event_id":"EvNULL02"}', 'application/json'],
    ['an interactivity payload that is null', 'payload=null', FORM],
    ['a JSON array', '[1,2]', 'application/json'],
  ])('a signed body that is %s gets a 400 and a log line, and reaches no listener', async (_name, body, contentType) => {
    const response = await postToSlackEvents(h.baseUrl, body, { contentType });
    expect(response.status).toBe(400);
    expect(h.logs.find((line) => line.msg === 'slack request body refused')).toMatchObject({ level: 40, code: 'SLACK_BODY_INVALID' });
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('where is the distance calculator', { channel: 'D0BARRIER' })));
    await h.fake.waitForCalls('chat.postMessage', 1);
    expect(sideEffects().map((c) => c.args.channel)).toEqual(['D0BARRIER']);
  });

  test('a signed slash command replayed within 5 minutes is acknowledged and answered once', async () => {
    const body = slashCommandBody('roadmap', h.fake.responseUrl('replayed'));
    const timestamp = now();
    const signed = { contentType: FORM, timestamp, signature: signSlackBody(body, timestamp) };
    expect((await postToSlackEvents(h.baseUrl, body, signed)).status).toBe(200);
    await h.fake.waitForCalls('response_url', 1);
    expect((await postToSlackEvents(h.baseUrl, body, signed)).status).toBe(200);
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('where is the distance calculator', { channel: 'D0BARRIER' })));
    await h.fake.waitForCalls('chat.postMessage', 1);
    expect(sideEffects().map((c) => c.method)).toEqual(['response_url', 'chat.postMessage']);
    expect(h.logs.filter((line) => line.msg === 'slack retry of a handled event skipped')).toHaveLength(1);
  });

  test('after a 429 with a long Retry-After the error line is not posted at once to the same method', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 120 });
    await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('how do I find a partner', { channel: 'D0RATE120' })));
    await expect.poll(() => h.logs.some((line) => line.msg === 'slack error notice could not be sent')).toBe(true);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(h.logs.find((line) => line.msg === 'slack answer failed')).toMatchObject({ code: 'SLACK_RATE_LIMITED', retryAfterSeconds: 120 });
    expect(h.logs.find((line) => line.msg === 'slack error notice could not be sent')).toMatchObject({ code: 'SLACK_RATE_LIMITED' });
  });

  test('a typed text that looks like markup is shown as text, never as a mention or a link', async () => {
    const knowledge = loadKnowledge(FIXTURE_KNOWLEDGE);
    const withDistance = await startSlackHarness({ assistant: createAssistant({ knowledge, skills: [createDistanceSkill({ knowledgeDir: 'knowledge' })] }) });
    try {
      // Slack sends a typed `<` as `&lt;`; the answer echoes the place, and must not turn it back into markup.
      const typed = 'afstand Zwolle naar &lt;!channel&gt; &lt;https://evil.example|klik hier&gt;';
      await postToSlackEvents(withDistance.baseUrl, slashCommandBody(typed, withDistance.fake.responseUrl('hostile')), { contentType: FORM });
      const [call] = await withDistance.fake.waitForCalls('response_url', 1);
      const shown = `${String(call?.args.text)}\n${textsOf(call)}`;
      expect(shown).toContain('&lt;!channel&gt; &lt;https://evil.example|klik hier&gt;');
      expect(shown).not.toMatch(/<!channel>|<https:\/\/evil/);
      expect(checkSlackLimits(blocksOf(call)).violations).toEqual([]);
    } finally {
      await withDistance.close();
    }
  });
});

describe('every outbound call has a timeout', () => {
  let slow: SlackHarness;
  beforeAll(async () => {
    slow = await startSlackHarness({ timeoutMs: 150 });
  });
  afterAll(() => slow.close());

  test.each([
    ['chat.postMessage', () => eventCallback(dmEvent('how do I find a partner', { channel: 'D0SLOW001' })), 'application/json'],
    ['response_url', () => slashCommandBody('roadmap', slow.fake.responseUrl('slow')), FORM],
  ])('a %s call that hangs fails after the timeout and is logged', async (method, body, contentType) => {
    slow.logs.length = 0;
    const release = slow.fake.hold(method);
    try {
      await postToSlackEvents(slow.baseUrl, body(), { contentType });
      await expect.poll(() => slow.logs.find((line) => line.msg === 'slack answer failed'), { timeout: 4000 }).toMatchObject({ code: 'SLACK_REQUEST_FAILED' });
      // A response_url is a credential for that conversation: it never goes to the log.
      expect(JSON.stringify(slow.logs)).not.toContain('/response/');
    } finally {
      release();
    }
  });
});
