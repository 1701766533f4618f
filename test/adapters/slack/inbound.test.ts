// Slack events, slash commands and clicks as core inputs: what is answered, where, and with which text.
import { describe, expect, test } from 'vitest';
import { createMemoryClaim, toSlackDedupeKey } from '../../../adapters/slack/dedupe.js';
import {
  parseSlackBlockAction,
  parseSlackMessageEvent,
  parseSlackSlashCommand,
  parseSlackText,
  type SlackBlockActionBody,
  type SlackMessageEvent,
} from '../../../adapters/slack/inbound.js';
import { escapeMrkdwn, splitMrkdwn, toMrkdwn, truncateMrkdwn } from '../../../adapters/slack/mrkdwn.js';
import { createFakeClock } from '../../notices/helpers.js';

const BOT = 'UBOT';

describe('parseSlackText', () => {
  test.each([
    ['<@UBOT> how do I find a partner?', 'how do I find a partner?'],
    ['hoe  vind\nik <@UBOT|erasmus> een partner', 'hoe vind ik een partner'],
    ['see <https://example.org/x|the site> and <https://example.org/y>', 'see the site and https://example.org/y'],
    ['ask <@U123|anna> in <#C42|general>', 'ask @anna in #general'],
    ['<!here> budget &amp; travel &lt;2000 km&gt;', 'budget & travel <2000 km>'],
    ['mail <mailto:a@b.nl|a@b.nl>', 'mail a@b.nl'],
    ['<@UBOT>', ''],
  ])('%j → %j', (raw, expected) => {
    expect(parseSlackText(raw, BOT)).toBe(expected);
  });
});

const dm = (extra: Partial<SlackMessageEvent> = {}): SlackMessageEvent => ({
  type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: 'partner zoeken', ts: '100.1', ...extra,
});
const mention = (extra: Partial<SlackMessageEvent> = {}): SlackMessageEvent => ({
  type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UBOT> partner zoeken', ts: '200.1', ...extra,
});

describe('parseSlackMessageEvent', () => {
  test('a direct message is answered in the DM, in its thread when it has one', () => {
    expect(parseSlackMessageEvent(dm(), BOT)).toEqual({
      input: { text: 'partner zoeken', conversation: { platform: 'slack', channelId: 'D1', userId: 'U1', kind: 'personal' } },
      target: { kind: 'channel', channel: 'D1' },
    });
    expect(parseSlackMessageEvent(dm({ thread_ts: '99.9' }), BOT)?.target).toEqual({ kind: 'channel', channel: 'D1', threadTs: '99.9' });
  });

  test('a typed /erasmus in front of a message is left out (the core does not know Slack’s command name)', () => {
    expect(parseSlackMessageEvent(dm({ text: '/erasmus help' }), BOT)?.input.text).toBe('help');
    expect(parseSlackMessageEvent(mention({ text: '<@UBOT> /Erasmus roadmap' }), BOT)?.input.text).toBe('roadmap');
    expect(parseSlackMessageEvent(dm({ text: '/erasmusplus help' }), BOT)?.input.text).toBe('/erasmusplus help');
    expect(parseSlackMessageEvent(dm({ text: 'erasmus subsidie' }), BOT)?.input.text).toBe('erasmus subsidie');
  });

  test('an @mention is answered in a thread under the question, or in the thread it was asked in', () => {
    expect(parseSlackMessageEvent(mention(), BOT)).toEqual({
      input: { text: 'partner zoeken', conversation: { platform: 'slack', channelId: 'C1', userId: 'U1', kind: 'channel' } },
      target: { kind: 'channel', channel: 'C1', threadTs: '200.1' },
    });
    expect(parseSlackMessageEvent(mention({ thread_ts: '150.5' }), BOT)?.target).toEqual({ kind: 'channel', channel: 'C1', threadTs: '150.5' });
  });

  test.each([
    ['an edit', dm({ subtype: 'message_changed' })],
    ['a deletion', dm({ subtype: 'message_deleted', user: undefined })],
    ['another bot', dm({ bot_id: 'B9', subtype: 'bot_message' })],
    ['a bot without subtype', dm({ bot_id: 'B9' })],
    ['its own message', dm({ user: BOT })],
    ['its own mention', mention({ user: BOT })],
    ['a channel message without a mention', dm({ channel: 'C1', channel_type: 'channel' })],
    ['a mention inside a DM (it also arrives as message.im)', mention({ channel: 'D1' })],
    ['a message without a user', dm({ user: undefined })],
    ['an edited mention', mention({ subtype: 'message_changed' })],
  ])('is silent for %s', (_name, event) => {
    expect(parseSlackMessageEvent(event, BOT)).toBeUndefined();
  });
});

describe('parseSlackSlashCommand', () => {
  test('passes the text to the core and answers through the response_url', () => {
    const parsed = parseSlackSlashCommand({ command: '/erasmus', text: 'roadmap', user_id: 'U1', channel_id: 'C1', channel_name: 'team', response_url: 'https://hooks.slack.com/x' });
    expect(parsed).toEqual({
      input: { text: 'roadmap', conversation: { platform: 'slack', channelId: 'C1', userId: 'U1', kind: 'channel' } },
      target: { kind: 'response-url', url: 'https://hooks.slack.com/x' },
    });
  });

  test.each([
    ['directmessage', 'D1', 'personal'],
    ['mpdm-a--b-1', 'G1', 'group'],
    ['privategroup', 'G2', 'channel'],
  ] as const)('channel %s is a %s conversation', (channelName, channelId, kind) => {
    const parsed = parseSlackSlashCommand({ command: '/erasmus', text: '', user_id: 'U1', channel_id: channelId, channel_name: channelName, response_url: 'u' });
    expect(parsed.input.conversation.kind).toBe(kind);
    expect(parsed.input.text).toBe('');
  });
});

describe('parseSlackBlockAction', () => {
  const click = (extra: Partial<SlackBlockActionBody>): SlackBlockActionBody => ({
    type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: 'erasmus:en:2', value: 'entry:x' }], ...extra,
  });

  test('a click under a threaded answer is answered in that thread, in the button language', () => {
    const parsed = parseSlackBlockAction(click({ channel: { id: 'C1' }, message: { ts: '300.1', thread_ts: '200.1' }, container: { type: 'message' } }));
    expect(parsed).toEqual({
      input: { action: 'entry:x', lang: 'en', conversation: { platform: 'slack', channelId: 'C1', userId: 'U1', kind: 'channel' }, messageId: '300.1' },
      target: { kind: 'channel', channel: 'C1', threadTs: '200.1' },
    });
  });

  test('a click on a top-level channel message starts a thread; in a DM it stays top-level', () => {
    expect(parseSlackBlockAction(click({ channel: { id: 'C1' }, message: { ts: '300.1' } }))?.target).toEqual({ kind: 'channel', channel: 'C1', threadTs: '300.1' });
    expect(parseSlackBlockAction(click({ channel: { id: 'D1' }, message: { ts: '300.1' } }))?.target).toEqual({ kind: 'channel', channel: 'D1' });
  });

  test('a click on an ephemeral answer goes back through its response_url', () => {
    const parsed = parseSlackBlockAction(click({ channel: { id: 'C1' }, container: { type: 'message', is_ephemeral: true }, response_url: 'https://hooks.slack.com/r' }));
    expect(parsed?.target).toEqual({ kind: 'response-url', url: 'https://hooks.slack.com/r' });
  });

  test('a click on the App Home tab is answered in the DM with the user', () => {
    const parsed = parseSlackBlockAction(click({ actions: [{ action_id: 'erasmus:nl:1', value: 'phase:reporting' }], container: { type: 'view' } }));
    expect(parsed).toEqual({
      input: { action: 'phase:reporting', lang: 'nl', conversation: { platform: 'slack', channelId: 'U1', userId: 'U1', kind: 'personal' } },
      target: { kind: 'channel', channel: 'U1' },
    });
  });

  test('other buttons are not the core’s', () => {
    expect(parseSlackBlockAction(click({ actions: [{ action_id: 'something-else', value: 'entry:x' }], channel: { id: 'C1' }, message: { ts: '1.1' } }))).toBeUndefined();
    expect(parseSlackBlockAction(click({ actions: [{ action_id: 'erasmus:en:1' }], channel: { id: 'C1' }, message: { ts: '1.1' } }))).toBeUndefined();
  });
});

describe('mrkdwn', () => {
  test('escapes &, < and > only', () => {
    expect(escapeMrkdwn('a & b <!channel> > *c*')).toBe('a &amp; b &lt;!channel&gt; &gt; *c*');
    expect(toMrkdwn('**a** & **b**\n- x\n  - y')).toBe('*a* &amp; *b*\n• x\n  • y');
  });

  test('splitting and cutting never break a link or an entity', () => {
    const link = '<https://example.org/a-long-path|a label with spaces>';
    const text = `${'word '.repeat(9)}${link} ${'&amp;'.repeat(30)}`;
    for (const max of [58, 59, 61, 64, 70, 90, 100]) {
      for (const chunk of splitMrkdwn(text, max)) {
        expect(chunk.length).toBeLessThanOrEqual(max);
        expect(chunk.split('<').length).toBe(chunk.split('>').length);
        expect(chunk.replace(/&amp;/g, '')).not.toContain('&');
      }
      const cut = truncateMrkdwn(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.split('<').length).toBe(cut.split('>').length);
      expect(cut.replace(/&amp;/g, '')).not.toMatch(/&(?!amp;)/);
    }
    expect(splitMrkdwn(text, 3000)).toEqual([text]);
  });
});

describe('createMemoryClaim', () => {
  test('a key is claimed once, then refused until the time-to-live passes', async () => {
    const clock = createFakeClock('2026-12-01T10:00:00Z');
    const claim = createMemoryClaim({ ttlMs: 100, clock });
    expect(await claim('event:Ev1')).toBe(true);
    expect(await claim('event:Ev1')).toBe(false);
    expect(await claim('event:Ev2')).toBe(true);
    clock.advance(101);
    expect(await claim('event:Ev1')).toBe(true);
  });

  test('holds at most max keys, forgetting the oldest first', async () => {
    const claim = createMemoryClaim({ max: 3 });
    for (const key of ['a', 'b', 'c', 'd']) await claim(key);
    expect(await claim('d')).toBe(false);
    expect(await claim('a')).toBe(true);
  });
});

describe('toSlackDedupeKey', () => {
  test.each([
    [{ type: 'event_callback', event_id: 'Ev1', event: {} }, 'event:Ev1'],
    [{ command: '/erasmus', trigger_id: '1.2.3' }, 'trigger:1.2.3'],
    [{ type: 'block_actions', trigger_id: '4.5.6' }, 'trigger:4.5.6'],
    [{ type: 'url_verification' }, undefined],
    [null, undefined],
  ])('%j → %s', (body, key) => {
    expect(toSlackDedupeKey(body)).toBe(key);
  });
});
