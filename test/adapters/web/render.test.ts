// Every reply kind rendered for the web chat, from real replies of the core where it makes them: the page gets every button,
// item, link and vote the reply offers, with the core's action ids unchanged, and text only as data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWebMessage, toBlocks, toSpans, type WebBlock, type WebMessage } from '../../../adapters/web/render.js';
import { createCore, type Core } from '../../../src/core.js';
import type { Conversation } from '../../../src/input.js';
import { replyFeedbackButtons, replyFollowUps, replyItems, replyLinks, type Reply, type ReplyKind } from '../../../src/reply.js';
import { roadPicture } from '../../../src/road-picture.js';
import { openSqliteStorage } from '../../../src/storage/sqlite.js';
import type { Storage } from '../../../src/storage/storage.js';
import { createFakeClock, ZONE } from '../../notices/helpers.js';

const web: Conversation = { platform: 'web', channelId: 'render-test-conversation-id', userId: 'render-test-conversation-id', kind: 'personal' };
const admin: Conversation = { platform: 'slack', channelId: 'D1', userId: 'UADMIN', kind: 'personal' };

const notice: Reply = {
  kind: 'notice',
  lang: 'en',
  deadlineId: 'ka220-vet-2027',
  title: '30 days left: KA220-VET call deadline',
  due: 'Due Friday 5 March 2027, 12:00 (Brussels time): 30 days left',
  dueAt: '2027-03-05T11:00:00.000Z',
  daysLeft: 30,
  body: 'What you need for **the deadline**:\n- a PIC\n- partners',
  late: 'Planned for 3 February, sent later.',
  notes: ['Expected date.'],
  links: [{ label: 'Call', url: 'https://example.org/call', kind: 'website' }],
  followUps: [{ label: 'What do I need?', action: 'entry:deadline' }],
};

/** Kinds built by hand: the notice (made by the scheduler), and kinds whose skills may be off. */
const HAND_BUILT: Reply[] = [
  notice,
  { kind: 'smalltalk', lang: 'en', text: 'Hello! Ask me about your **KA2** project.', followUps: [{ label: 'Help', action: 'cmd:help' }] },
  {
    kind: 'out-of-scope',
    lang: 'nl',
    topicId: 'ka1-mobility',
    title: 'KA1-mobiliteit van studenten en staf',
    text: 'Dat hoort niet bij de KA2-roadmap.',
    links: [{ label: 'KA1', url: 'https://example.org/ka1', kind: 'website' }],
    followUps: [{ label: 'Stappenplan', action: 'cmd:roadmap' }],
  },
];

let core: Core;
let storage: Storage;
const samples = new Map<ReplyKind, Reply>();

beforeAll(async () => {
  storage = openSqliteStorage(':memory:');
  core = createCore({ knowledgeDir: 'knowledge', storage, clock: createFakeClock('2027-02-01T10:00:00Z'), noticeTimezone: ZONE, feedback: { admins: ['slack:UADMIN'], retentionDays: 90, salt: 's' } });
  const ask = (text: string, conversation = web) => core.assistant.handle({ text, lang: 'nl', conversation });
  const answer = await ask('Wat is een PIC-code?');
  const replies = [
    answer,
    await ask('partners'),
    await ask('Hoe bak ik een appeltaart met slagroom?'),
    await ask('help'),
    await ask('roadmap'),
    await ask('rapportage'),
    await ask('tools'),
    await ask('x'.repeat(1200)),
    await ask('deadlines'),
    await ask('project start 2026-09-01 end 2028-08-31'),
    await ask('afstand Zwolle Helsinki'),
    await core.assistant.handle({ action: answer.kind === 'answer' ? (answer.feedback?.up.action ?? '') : '', lang: 'nl', conversation: web, messageId: 'm1' }),
    await ask('report', admin),
  ];
  for (const reply of [...HAND_BUILT, ...replies]) samples.set(reply.kind, reply);
});
afterAll(() => storage.close());

/** Every kind; the Record type makes a new kind fail to compile here until it is added. */
const ALL_KINDS: Record<ReplyKind, true> = {
  answer: true, suggestions: true, 'not-found': true, help: true, roadmap: true, phase: true, tools: true, message: true, smalltalk: true,
  'out-of-scope': true, deadlines: true, project: true, notice: true, distance: true, 'feedback-ack': true, report: true,
};
const KINDS = Object.keys(ALL_KINDS) as ReplyKind[];

function actionsOf(message: WebMessage): string[] {
  const inBlocks = message.blocks.flatMap((block) => (block.type === 'items' || block.type === 'dated' ? block.items.map((item) => item.action) : []));
  return [...message.buttons.map((b) => b.action), ...inBlocks];
}
function urlsOf(blocks: readonly WebBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'links' ? block.links.map((l) => l.url) : block.type === 'items' ? block.items.flatMap((i) => i.links.map((l) => l.url)) : []));
}

describe('renderWebMessage', () => {
  it('has a real sample of every reply kind', () => {
    expect([...samples.keys()].sort()).toEqual([...KINDS].sort());
  });

  it.each(KINDS)('renders %s with every button, item and link of the reply', (kind) => {
    const reply = samples.get(kind);
    if (!reply) throw new Error(`no sample for ${kind}`);
    const message = renderWebMessage(reply, { id: 'msg-1', clicked: 'm1', ...(kind === 'roadmap' ? { road: roadPicture(core.knowledge, reply.lang) } : {}) });
    expect(message).toMatchObject({ id: 'msg-1', kind, lang: reply.lang });
    expect(message.blocks.length).toBeGreaterThan(0);
    expect(actionsOf(message)).toEqual(expect.arrayContaining([...replyFollowUps(reply), ...replyItems(reply)].map((f) => f.action)));
    expect(message.feedback?.buttons.map((b) => b.action) ?? []).toEqual(replyFeedbackButtons(reply).map((b) => b.action));
    expect(urlsOf(message.blocks)).toEqual(expect.arrayContaining(replyLinks(reply).map((l) => l.url)));
  });

  it('shows the answer a vote was given on, in place of the clicked message', () => {
    const ack = renderWebMessage(samples.get('feedback-ack') as Reply, { id: 'new', clicked: 'm1' });
    expect(ack.replaces).toBe('m1');
    expect(ack.feedback?.saved).toBe('Bedankt, je feedback is opgeslagen.');
    expect(renderWebMessage(samples.get('answer') as Reply, { id: 'x', clicked: 'm1' }).replaces).toBeUndefined();
  });

  it('draws the road only with a roadmap', () => {
    const roadmap = renderWebMessage(samples.get('roadmap') as Reply, { id: 'r', road: roadPicture(core.knowledge, 'nl') });
    expect(roadmap.blocks.filter((b) => b.type === 'road')).toHaveLength(1);
    expect(renderWebMessage(samples.get('help') as Reply, { id: 'h', road: roadPicture(core.knowledge, 'nl') }).blocks.some((b) => b.type === 'road')).toBe(false);
  });

  it('passes markup in text through as text, for the page to show as it is', () => {
    const message = renderWebMessage({ kind: 'message', lang: 'en', text: '<img src=x onerror=alert(1)> & **<b>**', followUps: [] }, { id: 'm' });
    expect(message.blocks).toEqual([{ type: 'text', spans: [{ text: '<img src=x onerror=alert(1)> & ' }, { text: '<b>', bold: true }] }]);
  });

  it('drops links that are not http(s)', () => {
    const reply: Reply = { ...notice, links: [{ label: 'bad', url: 'javascript:alert(1)', kind: 'website' }, { label: 'ok', url: 'https://example.org/', kind: 'website' }] };
    expect(urlsOf(renderWebMessage(reply, { id: 'n' }).blocks)).toEqual(['https://example.org/']);
  });
});

describe('the markdown subset', () => {
  it.each([
    ['plain', [{ type: 'text', spans: [{ text: 'plain' }] }]],
    ['a **b** c', [{ type: 'text', spans: [{ text: 'a ' }, { text: 'b', bold: true }, { text: ' c' }] }]],
    ['intro\n- one\n- two\nend', [
      { type: 'text', spans: [{ text: 'intro' }] },
      { type: 'list', ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] },
      { type: 'text', spans: [{ text: 'end' }] },
    ]],
    ['1. first\n2. second\n- other', [
      { type: 'list', ordered: true, items: [[{ text: 'first' }], [{ text: 'second' }]] },
      { type: 'list', ordered: false, items: [[{ text: 'other' }]] },
    ]],
    ['\n\n', []],
  ])('%j', (markdown, blocks) => {
    expect(toBlocks(markdown)).toEqual(blocks);
  });

  it('leaves an unclosed ** as text', () => {
    expect(toSpans('**open')).toEqual([{ text: '**open' }]);
  });
});
