// Every reply kind rendered as Block Kit: Slack's limits, escaping of user text, links, buttons that
// carry the core's action ids, and the plain-text fallback. Samples built here (including oversized ones)
// plus real replies from the assistant over the fixture knowledge.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { renderSlackHome, SLACK_HOME_MAX_BLOCKS } from '../../../adapters/slack/home.js';
import { parseSlackActionId, renderSlackBlocks, renderSlackMessage, renderSlackNotice } from '../../../adapters/slack/render.js';
import { createAssistant } from '../../../src/assistant.js';
import type { Input } from '../../../src/input.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { toPlainText } from '../../../src/plain-text.js';
import type { DatedItem, FollowUp, Reply, ReplyItem, ReplyKind } from '../../../src/reply.js';
import { checkSlackLimits } from './limits.js';
import { createFixtureAssistant } from './harness.js';

const HOSTILE = '<!channel> & <https://evil.example|click me> <@U0BOSS> **bold**';

function items(count: number, prefix: string): ReplyItem[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    title: `${prefix} item ${i} ${'with a rather long title '.repeat(i % 3)}`,
    summary: `Summary ${i}: ${'text & more text '.repeat(5)}`,
    action: `entry:${prefix}-${i}`,
    links: i % 4 === 0 ? [{ label: `Link ${i}`, url: `https://example.org/${prefix}/${i}?a=1&b=2`, kind: 'website' as const }] : [],
  }));
}

function followUps(count: number): FollowUp[] {
  return Array.from({ length: count }, (_, i) => ({ label: `Follow-up ${i} ${'x'.repeat(i * 10)}`, action: `entry:follow-${i}` }));
}

function dated(count: number): DatedItem[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `deadline-${i}`,
    title: `KA220-VET deadline ${i} ${i === 1 ? HOSTILE : ''}`,
    due: 'Friday 5 March 2027, 12:00 (Brussels time)',
    dueAt: '2027-03-05T11:00:00.000Z',
    daysLeft: 99 - i,
    left: `${99 - i} days left`,
    notes: i % 2 === 0 ? ['Expected date: not yet published in a call.'] : [],
    notices: i % 3 === 0 ? 'Notices: 3 Feb, 26 Feb and 4 Mar at 09:00' : '',
    action: `entry:deadline-${i}`,
  }));
}

const LONG_BODY = Array.from({ length: 120 }, (_, i) => `- **Point ${i}**: ${'a sentence with words & signs '.repeat(3)}`).join('\n');

/** At least one sample of every kind; the Record type fails to compile when a kind is missing. */
const SAMPLES: Record<ReplyKind, Reply[]> = {
  answer: [
    {
      kind: 'answer', lang: 'en', entryId: 'interim-report', phaseId: 'reporting', phaseTitle: 'Reporting', title: 'Interim report',
      body: 'Send the **interim report** halfway.\n- Use Mobility Tool+\n- Check the budget', notes: ['Since 2021 the report goes through the **Beneficiary Module**.'],
      links: [{ label: 'Beneficiary Module', url: 'https://webgate.ec.europa.eu/beneficiary-module', kind: 'platform' }],
      followUps: [{ label: 'Final report', action: 'entry:final-report' }, { label: 'Next step: Closing', action: 'entry:closing' }],
      source: 'Source: roadmap, block RAPPORTAGE', score: 0.9,
    },
    {
      kind: 'answer', lang: 'nl', entryId: 'huge', phaseId: 'p', phaseTitle: `Fase ${HOSTILE}`, title: 'T'.repeat(400), body: LONG_BODY,
      notes: Array.from({ length: 40 }, (_, i) => `Note ${i} ${'n'.repeat(100)}`), links: items(30, 'l').map((i) => ({ label: i.title, url: `https://x.example/${i.id}`, kind: 'website' as const })),
      followUps: followUps(30), source: HOSTILE, score: 0.5,
      feedback: { prompt: 'Had je hier iets aan?', up: { label: '👍', action: 'feedback:up:nl:huge' }, down: { label: '👎', action: 'feedback:down:nl:huge' } },
    },
    {
      kind: 'answer', lang: 'en', entryId: 'final-report', phaseId: 'reporting', phaseTitle: 'Reporting', title: 'Final report',
      body: 'Report at the end.', notes: [], links: [], followUps: followUps(2), source: 'Source: roadmap', score: 0.8,
      feedback: { prompt: 'Was this helpful?', up: { label: '👍', action: 'feedback:up:en:final-report' }, down: { label: '👎', action: 'feedback:down:en:final-report' } },
    },
  ],
  'feedback-ack': [
    { kind: 'feedback-ack', lang: 'en', vote: 'down', previous: 'up', entryId: 'final-report', text: `Your vote is now 👎. Thank you! ${HOSTILE}`, answer: undefined },
  ],
  report: [
    {
      kind: 'report', lang: 'en', title: 'Feedback report', intro: 'Last **90** days: 12 questions, 9 answered.',
      sections: [{ title: 'Reporting', body: '- Interim report: 3 questions · 👍 2 · 👎 1' }, { title: `To add ${HOSTILE}`, body: '1. Near **Budget**: 4 questions' }],
    },
    {
      kind: 'report', lang: 'nl', title: 'R'.repeat(300), intro: LONG_BODY,
      sections: Array.from({ length: 60 }, (_, i) => ({ title: `Fase ${i}`, body: LONG_BODY })),
    },
  ],
  suggestions: [{ kind: 'suggestions', lang: 'nl', text: 'Welke bedoel je?', options: followUps(3) }],
  'not-found': [
    { kind: 'not-found', lang: 'en', text: `Nothing about "${HOSTILE}" in the roadmap.`, options: followUps(4) },
    { kind: 'not-found', lang: 'nl', text: 'Niets gevonden.', options: [] },
  ],
  help: [{ kind: 'help', lang: 'en', title: 'How it works', body: 'Ask in plain words.\n- **roadmap**: all phases', examples: followUps(5) }],
  roadmap: [
    { kind: 'roadmap', lang: 'nl', title: 'De roadmap', intro: 'In 8 fases.', phases: items(8, 'phase') },
    { kind: 'roadmap', lang: 'en', title: 'Huge roadmap', intro: '', phases: items(120, 'phase') },
  ],
  phase: [
    { kind: 'phase', lang: 'en', phaseId: 'reporting', position: 5, total: 8, title: 'Reporting', summary: 'Report midway.', steps: items(6, 'step'), followUps: followUps(3) },
    { kind: 'phase', lang: 'nl', phaseId: 'big', position: 1, total: 1, title: 'Groot', summary: LONG_BODY, steps: items(70, 'step'), followUps: followUps(3) },
  ],
  tools: [
    { kind: 'tools', lang: 'en', title: 'Tools', intro: 'Every tool.', tools: items(12, 'tool') },
    { kind: 'tools', lang: 'nl', title: 'Alle hulpmiddelen', intro: 'Veel.', tools: items(48, 'tool') },
  ],
  smalltalk: [{ kind: 'smalltalk', lang: 'en', text: 'Hello! Ask me anything about your KA2 partnership.', followUps: [{ label: 'Roadmap', action: 'cmd:roadmap' }] }],
  'out-of-scope': [
    {
      kind: 'out-of-scope', lang: 'nl', topicId: 'ka1-mobility', title: `KA1 ${HOSTILE}`, text: `Dat valt buiten de KA2-roadmap; ${HOSTILE}`,
      links: [{ label: `KA1 ${HOSTILE}`, url: 'https://www.erasmusplus.nl/mbo', kind: 'website' }], followUps: [{ label: 'Stappenplan', action: 'cmd:roadmap' }],
    },
  ],
  message: [
    { kind: 'message', lang: 'en', text: `Too long: ${HOSTILE}`, followUps: followUps(2) },
    { kind: 'message', lang: 'nl', text: 'x'.repeat(7000), followUps: [{ label: 'Bad', action: 'y'.repeat(2001) }] },
  ],
  distance: [
    {
      kind: 'distance', lang: 'nl', title: 'Zwolle – Helsinki', body: '**1.432 km** enkele reis\n- afstandsband 500–1999 km', km: 1432,
      from: { id: 2743477, name: 'Zwolle', country: 'Nederland', countryCode: 'NL', region: 'Overijssel' },
      to: { id: 658225, name: 'Helsinki', country: 'Finland', countryCode: 'FI' },
      support: { band: '500–1999 km', standard: 275, green: 320 }, notes: ['Partnerschappen krijgen een vast bedrag <!channel>.'],
      links: [{ label: 'Afstandscalculator', url: 'https://ec.europa.eu/programmes/erasmus-plus/resources/distance-calculator_en', kind: 'tool' }],
      alternatives: [{ label: 'Zwolle (Michigan, VS)', action: 'distance:1:658225' }],
      source: 'Erasmus+ Programme Guide 2025', attribution: 'Plaatsgegevens: GeoNames (geonames.org), CC BY 4.0',
    },
  ],
  deadlines: [
    { kind: 'deadlines', lang: 'en', title: 'Upcoming deadlines', intro: 'KA220-VET has a deadline **once a year**.', items: dated(3), subscription: 'Type **subscribe** to be told in time.', followUps: followUps(3) },
    { kind: 'deadlines', lang: 'nl', title: 'Komende deadlines', intro: 'Veel.', items: dated(80), subscription: 'Geen berichten.', followUps: followUps(2) },
  ],
  project: [
    {
      kind: 'project', lang: 'nl', title: 'Groene vaardigheden & co', intro: `Project opgeslagen. ${HOSTILE}`, period: 'Looptijd: maandag 1 september 2025 tot en met dinsdag 31 augustus 2027',
      milestones: dated(4), subscription: 'Dit gesprek krijgt nog geen berichten.', followUps: followUps(2),
    },
  ],
  notice: [
    {
      kind: 'notice', lang: 'nl', deadlineId: 'ka220-vet-2027', title: 'Nog 7 dagen: KA220-VET samenwerkingspartnerschap: deadline call 2027',
      due: 'Uiterlijk vrijdag 5 maart 2027, 12:00 uur (Brusselse tijd) (nog 7 dagen).', dueAt: '2027-03-05T11:00:00.000Z', daysLeft: 7,
      body: `**Wat je nodig hebt: Deadline**\nEr is één keer per jaar een deadline ${HOSTILE}.`, late: 'Dit bericht komt later dan gepland.',
      notes: ['Verwachte datum.'], links: [{ label: 'Deadlines mbo', url: 'https://www.erasmusplus.nl/actueel/deadlines?sector%5B1%5D=1', kind: 'website' }],
      followUps: [{ label: 'Wat heb ik nodig?', action: 'entry:deadline' }, { label: 'Deadlines', action: 'cmd:deadlines' }],
    },
  ],
};

const conversation: Input['conversation'] = { platform: 'slack', channelId: 'D1', userId: 'U1', kind: 'personal' };
const REAL_INPUTS: Input[] = [
  { text: 'how do I find a partner', conversation },
  { text: 'hoe vind ik een partner', conversation },
  { text: 'waar vind ik de afstandscalculator', conversation },
  { text: 'what is the capital of Peru', conversation },
  { text: 'x'.repeat(1200), conversation },
  { text: 'help', conversation },
  { text: 'roadmap', conversation },
  { text: 'tools', conversation },
  { text: 'rapportage', conversation },
  { action: 'phase:preparation', lang: 'en', conversation },
  { action: 'entry:distance-calculator', lang: 'nl', conversation },
  { action: 'cmd:unknown-thing', lang: 'en', conversation },
];

async function realReplies(): Promise<Reply[]> {
  const assistant = createFixtureAssistant();
  return Promise.all(REAL_INPUTS.map((input) => assistant.handle(input)));
}

describe('renderSlackMessage', () => {
  const samples = Object.values(SAMPLES).flat();

  test.each(samples.map((reply) => [`${reply.kind} (${reply.lang})`, reply] as const))('%s stays within Slack limits', (_name, reply) => {
    const message = renderSlackMessage(reply);
    expect(checkSlackLimits(message.blocks).violations).toEqual([]);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(3000);
  });

  test('real replies of the assistant stay within limits, and cover several kinds', async () => {
    const replies = await realReplies();
    for (const reply of replies) {
      const message = renderSlackMessage(reply);
      expect(checkSlackLimits(message.blocks).violations, reply.kind).toEqual([]);
      expect(message.text).toBe(message.text.trim());
      expect(message.text.length).toBeGreaterThan(0);
    }
    expect([...new Set(replies.map((r) => r.kind))]).toEqual(expect.arrayContaining(['answer', 'not-found', 'message', 'help', 'roadmap', 'tools', 'phase']));
  });

  test.each(['nl', 'en'] as const)('every entry, phase and list of the real knowledge renders within limits in %s', async (lang) => {
    const knowledge = loadKnowledge(fileURLToPath(new URL('../../../knowledge', import.meta.url)));
    const assistant = createAssistant({ knowledge });
    const actions = [
      'cmd:help',
      'cmd:roadmap',
      'cmd:tools',
      ...knowledge.phases.map((phase) => `phase:${phase.id}`),
      ...knowledge.entries.map((entry) => `entry:${entry.id}`),
    ];
    for (const action of actions) {
      const reply = await assistant.handle({ action, lang, conversation });
      expect(reply.kind, action).not.toBe('message');
      const message = renderSlackMessage(reply);
      expect(checkSlackLimits(message.blocks).violations, action).toEqual([]);
      expect(message.text.length, action).toBeLessThanOrEqual(3000);
    }
    const home = checkSlackLimits(renderSlackHome(assistant.overview(lang)).blocks as never, SLACK_HOME_MAX_BLOCKS);
    expect(home.violations).toEqual([]);
    expect(home.buttons.map((b) => b.value)).toEqual(expect.arrayContaining(knowledge.phases.map((phase) => `phase:${phase.id}`)));
  });

  test('a notice says what is due, with its links and "what do I need?" first; dated items open their entry', () => {
    const notice = checkSlackLimits(renderSlackBlocks(SAMPLES.notice[0] as Reply));
    expect(notice.buttons.map((b) => [b.text, b.value])).toEqual([['Wat heb ik nodig?', 'entry:deadline'], ['Deadlines', 'cmd:deadlines']]);
    expect(notice.texts).toContain('*Wat je nodig hebt: Deadline*\nEr is één keer per jaar een deadline &lt;!channel&gt; &amp; &lt;https://evil.example|click me&gt; &lt;@U0BOSS&gt; *bold*.');
    expect(notice.texts.join('\n')).toContain('<https://www.erasmusplus.nl/actueel/deadlines?sector%5B1%5D=1|Deadlines mbo>');
    const list = checkSlackLimits(renderSlackBlocks(SAMPLES.deadlines[0] as Reply));
    expect(list.buttons.map((b) => b.value)).toEqual(['entry:deadline-0', 'entry:deadline-1', 'entry:deadline-2', 'entry:follow-0', 'entry:follow-1', 'entry:follow-2']);
    const long = checkSlackLimits(renderSlackBlocks(SAMPLES.deadlines[1] as Reply));
    expect(long.buttons.map((b) => b.value)).toEqual(expect.arrayContaining(dated(80).map((d) => d.action)));
  });

  test('user text cannot mention @channel, link or reference anyone', () => {
    for (const reply of [SAMPLES['not-found'][0], SAMPLES.message[0], SAMPLES.answer[1], SAMPLES.project[0], SAMPLES.notice[0]]) {
      const message = renderSlackMessage(reply as Reply);
      const { texts } = checkSlackLimits(message.blocks);
      const all = [...texts, message.text].join('\n');
      expect(all).not.toMatch(/<!channel>|<@U0BOSS>|<https:\/\/evil/);
      expect(all).toContain('&lt;!channel&gt;');
      expect(all).toContain('&amp;');
    }
  });

  test('links are <url|label>, with & escaped and the label unable to close the link', () => {
    const blocks = renderSlackBlocks({
      kind: 'answer', lang: 'en', entryId: 'e', phaseId: 'p', phaseTitle: 'P', title: 'T', body: 'B', notes: [], followUps: [], source: 'S', score: 1,
      links: [{ label: 'Q&A <b>|x', url: 'https://example.org/a?x=1&y=2', kind: 'website' }],
    });
    const { texts } = checkSlackLimits(blocks);
    expect(texts).toContain('*Links*\n• <https://example.org/a?x=1&amp;y=2|Q&amp;A &lt;b&gt;¦x>');
  });

  test('the markdown subset becomes mrkdwn: **bold** as *bold*, "- " bullets as •', () => {
    const { texts } = checkSlackLimits(renderSlackBlocks(SAMPLES.answer[0] as Reply));
    expect(texts).toContain('Send the *interim report* halfway.\n• Use Mobility Tool+\n• Check the budget');
  });

  test('buttons send the core action ids back and carry the reply language in a unique action_id', () => {
    const reply = SAMPLES.answer[0] as Reply;
    const { buttons } = checkSlackLimits(renderSlackBlocks(reply));
    expect(buttons.map((b) => b.value)).toEqual(['entry:final-report', 'entry:closing']);
    expect(buttons.map((b) => b.text)).toEqual(['Final report', 'Next step: Closing']);
    expect(buttons.map((b) => parseSlackActionId(b.action_id)?.lang)).toEqual(['en', 'en']);
  });

  test('a long body is split over sections without losing text, and labels over 75 characters are cut', () => {
    const reply = SAMPLES.answer[1] as Reply;
    const report = checkSlackLimits(renderSlackBlocks(reply));
    expect(report.texts.join('\n')).toContain('Point 0');
    expect(report.texts.filter((t) => t.includes('*Point ')).length).toBeGreaterThan(1);
    expect(report.buttons.some((b) => b.text.endsWith('…') && b.text.length <= 75)).toBe(true);
  });

  test('a cut message keeps its last actions block (the next step) and says there is more', () => {
    const reply = { ...(SAMPLES.answer[1] as Reply & { kind: 'answer' }), body: Array.from({ length: 400 }, (_, i) => `${i} ${'w'.repeat(400)}`).join('\n'), feedback: undefined };
    const blocks = renderSlackBlocks(reply);
    expect(blocks).toHaveLength(50);
    expect(checkSlackLimits(blocks).buttons.at(-1)?.value).toBe('entry:follow-29');
    expect(blocks.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(blocks.at(-2))).toContain('Er is meer');
  });

  test('a cut answer keeps the next step and its 👍/👎 line after the note that there is more', () => {
    const reply = { ...(SAMPLES.answer[1] as Reply & { kind: 'answer' }), body: Array.from({ length: 400 }, (_, i) => `${i} ${'w'.repeat(400)}`).join('\n') };
    const blocks = renderSlackBlocks(reply);
    expect(blocks).toHaveLength(50);
    expect(checkSlackLimits(blocks).buttons.slice(-3).map((b) => b.value)).toEqual(['entry:follow-29', 'feedback:up:nl:huge', 'feedback:down:nl:huge']);
    expect(blocks.slice(-3).map((block) => block.type)).toEqual(['actions', 'context', 'actions']);
    expect(JSON.stringify(blocks.at(-4))).toContain('Er is meer');
  });

  test('an answer shows its 👍/👎 buttons in their own actions block under the follow-ups', () => {
    const reply = SAMPLES.answer[2] as Reply & { kind: 'answer' };
    const blocks = renderSlackBlocks(reply);
    const last = blocks.at(-1) as { type: string; elements: Array<{ value?: string; text: { text: string } }> };
    expect(last.type).toBe('actions');
    expect(last.elements.map((e) => [e.text.text, e.value])).toEqual([['👍', 'feedback:up:en:final-report'], ['👎', 'feedback:down:en:final-report']]);
    expect(JSON.stringify(blocks.at(-2))).toContain('Was this helpful?');
    expect((blocks.at(-3) as { type: string }).type).toBe('actions');
  });

  test('long item lists keep every item and its button', () => {
    const reply = SAMPLES.tools[1] as Reply & { kind: 'tools' };
    const { buttons, texts } = checkSlackLimits(renderSlackBlocks(reply));
    expect(buttons.map((b) => b.value)).toEqual(reply.tools.map((t) => t.action));
    expect(texts.join('\n')).toContain('tool item 47');
  });

  test('a button whose action id does not fit a value is left out rather than cut', () => {
    const { buttons } = checkSlackLimits(renderSlackBlocks(SAMPLES.message[1] as Reply));
    expect(buttons).toEqual([]);
  });

  test('the fallback text is the escaped plain-text form', () => {
    const reply = SAMPLES['not-found'][0] as Reply;
    const expected = toPlainText(reply).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(renderSlackMessage(reply).text).toBe(expected);
  });

  test('a notice is one escaped section and the same fallback', () => {
    const notice = renderSlackNotice('Oops <!here>');
    expect(notice).toEqual({ text: 'Oops &lt;!here&gt;', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Oops &lt;!here&gt;' } }] });
  });
});

describe('renderSlackHome', () => {
  test.each(['nl', 'en'] as const)('the Home tab in %s shows every phase, how to use the bot and quick links', (lang) => {
    const overview = createFixtureAssistant().overview(lang);
    const { roadmap } = overview;
    const view = renderSlackHome(overview);
    expect(view.type).toBe('home');
    const report = checkSlackLimits(view.blocks as never, SLACK_HOME_MAX_BLOCKS);
    expect(report.violations).toEqual([]);
    expect(report.buttons.map((b) => b.value)).toEqual([lang === 'nl' ? 'en' : 'nl', ...roadmap.phases.map((p) => p.action)]);
    const text = report.texts.join('\n');
    for (const phase of roadmap.phases) expect(text).toContain(phase.title);
    expect(text).toContain('/erasmus');
    expect(text).toContain('<https://erasmus-plus.ec.europa.eu/resources-and-tools/distance-calculator|');
  });
});

describe('shortened text', () => {
  test('a header or button label that is too long is cut at a word boundary', () => {
    const title = Array.from({ length: 40 }, (_, i) => `woord${i}`).join(' ');
    const blocks = renderSlackBlocks({ kind: 'help', lang: 'nl', title, body: 'Hulp.', examples: [{ label: title, action: 'cmd:help' }] });
    const header = blocks.find((block) => block.type === 'header') as { text: { text: string } } | undefined;
    expect(header?.text.text).toMatch(/ woord\d+…$/);
    expect(title.startsWith(header?.text.text.slice(0, -1) ?? '')).toBe(true);
    expect(JSON.stringify(blocks)).not.toMatch(/woord\d*[^\d\s"…]…/);
  });
});

describe('a reply rendered before', () => {
  test('reuses its message, whatever the score; any other difference renders anew', () => {
    const answer = SAMPLES.answer[0] as Extract<Reply, { kind: 'answer' }>;
    const first = renderSlackMessage(answer);
    expect(renderSlackMessage({ ...answer, score: answer.score / 2 })).toBe(first);
    const led = renderSlackMessage({ ...answer, lead: 'Na de kick-off komt:' });
    expect(led).not.toBe(first);
    expect(JSON.stringify(led.blocks)).toContain('Na de kick-off komt:');
    expect(JSON.stringify(first.blocks)).not.toContain('Na de kick-off komt:');
  });
});
