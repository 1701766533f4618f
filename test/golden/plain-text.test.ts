// Golden files of the plain-text form of every reply kind, made by the real core over the real knowledge
// on a fixed clock. A change to a text or a layout shows up as a diff of these files; after checking it,
// `npx vitest run test/golden -u` writes the new form.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { createCore } from '../../src/core.js';
import type { Conversation, Input } from '../../src/input.js';
import { createNoticeScheduler } from '../../src/notices/scheduler.js';
import { toPlainText } from '../../src/plain-text.js';
import type { Reply, ReplyKind } from '../../src/reply.js';
import { openTestStorage } from '../storage/open.js';

const clock = fixedClock(new Date('2026-12-01T10:00:00Z'));
const admin: Conversation = { platform: 'slack', channelId: 'D1', userId: 'UADMIN', kind: 'personal' };
const terminal: Conversation = { platform: 'console', channelId: 'terminal', userId: 'tester', kind: 'personal' };

/** The replies of one conversation, in turn, on fresh storage with feedback on. */
async function conversation(): Promise<(input: Partial<Input> & { conversation?: Conversation }) => Promise<Reply>> {
  const { storage } = openTestStorage();
  const { assistant } = createCore({ knowledgeDir: 'knowledge', storage, clock, feedback: { admins: ['slack:UADMIN'], retentionDays: 90, salt: 'golden' } });
  return (input) => assistant.handle({ conversation: admin, ...input });
}

/** One case per file: its name, the reply kind it must be, and how to get it. */
const CASES: Array<[string, ReplyKind, (say: Awaited<ReturnType<typeof conversation>>) => Promise<Reply>]> = [
  ['answer', 'answer', (say) => say({ action: 'entry:interim-report', lang: 'nl' })],
  ['answer-en', 'answer', (say) => say({ action: 'entry:benchmark', lang: 'en' })],
  ['suggestions', 'suggestions', (say) => say({ text: 'partner' })],
  ['not-found', 'not-found', (say) => say({ text: 'wat voor weer wordt het morgen' })],
  ['help-slack', 'help', (say) => say({ text: 'hulp' })],
  ['help-terminal-en', 'help', (say) => say({ text: 'help', conversation: terminal })],
  ['roadmap', 'roadmap', (say) => say({ text: 'roadmap' })],
  ['phase-grouped', 'phase', (say) => say({ action: 'phase:orientation', lang: 'nl' })],
  ['phase-group-page', 'phase', (say) => say({ action: 'phase:orientation:links', lang: 'nl' })],
  ['phase-short-en', 'phase', (say) => say({ action: 'phase:reporting', lang: 'en' })],
  ['tools', 'tools', (say) => say({ text: 'hulpmiddelen' })],
  ['message', 'message', (say) => say({ text: 'x '.repeat(600), lang: 'en' })],
  ['deadlines', 'deadlines', (say) => say({ text: 'wanneer is de deadline?' })],
  ['project', 'project', (say) => say({ text: 'project 1-9-2026 31-8-2028 naam Groene vaardigheden' })],
  ['distance', 'distance', (say) => say({ text: 'afstand Zwolle naar Helsinki' })],
  ['feedback-ack', 'feedback-ack', (say) => say({ action: 'feedback:up:nl:interim-report', messageId: 'm1' })],
  ['report', 'report', (say) => say({ text: 'rapport' })],
  // Kinds no core path makes yet: a sample as a skill would build it.
  ['smalltalk', 'smalltalk', async () => ({ kind: 'smalltalk', lang: 'en', text: 'Hello! Ask me about your **KA2** partnership.', followUps: [{ label: 'Roadmap', action: 'cmd:roadmap' }] })],
  [
    'out-of-scope',
    'out-of-scope',
    async () => ({
      kind: 'out-of-scope',
      lang: 'nl',
      topicId: 'ka1',
      title: 'KA1-mobiliteit',
      text: 'Dat hoort niet bij de **KA2**-roadmap: KA1 gaat over mobiliteit van studenten en personeel.',
      links: [{ label: 'Mobiliteit mbo', url: 'https://www.erasmusplus.nl/', kind: 'website' }],
      followUps: [{ label: 'Stappenplan', action: 'cmd:roadmap' }],
    }),
  ],
];

/** Every reply kind; the type makes a new kind a compile error here until it has a golden file. */
const KINDS: Record<ReplyKind, true> = {
  answer: true, suggestions: true, 'not-found': true, help: true, roadmap: true, phase: true, tools: true, message: true,
  smalltalk: true, 'out-of-scope': true, deadlines: true, project: true, notice: true, distance: true, 'feedback-ack': true, report: true,
};

describe('the plain-text form of each reply kind', () => {
  it.each(CASES)('%s', async (name, kind, make) => {
    const reply = await make(await conversation());
    expect(reply.kind).toBe(kind);
    const text = toPlainText(reply);
    // What every form keeps to: no markup, no doubled punctuation, nothing cut inside a word.
    expect(text).not.toContain('**');
    expect(text).not.toMatch(/[.,;:][.,;:]|[.!?]:|—\s*-\s/);
    expect(text).not.toMatch(/\p{L}…\S/u);
    await expect(text).toMatchFileSnapshot(`./plain-text/${name}.txt`);
  });

  it('covers every reply kind', () => {
    expect(new Set([...CASES.map(([, kind]) => kind), 'notice'])).toEqual(new Set(Object.keys(KINDS)));
  });

  it('notice', async () => {
    const { storage } = openTestStorage();
    const core = createCore({ knowledgeDir: 'knowledge', storage, clock });
    await core.assistant.handle({ text: 'abonneer', conversation: terminal });
    const at = new Date('2027-02-03T08:00:00Z');
    const scheduler = createNoticeScheduler({
      storage,
      knowledge: core.knowledge,
      deadlines: core.deadlines,
      deliveries: { console: { send: async () => ({ status: 'ok' }) } },
      clock: fixedClock(at),
      zone: 'Europe/Amsterdam',
      intervalMs: 60_000,
      logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const [notice] = await scheduler.preview(at);
    expect(notice?.reply.kind).toBe('notice');
    await expect(toPlainText(notice?.reply ?? { kind: 'message', lang: 'nl', text: '', followUps: [] })).toMatchFileSnapshot('./plain-text/notice.txt');
  });
});
