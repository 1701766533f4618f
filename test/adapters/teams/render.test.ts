// Every reply kind rendered as a Teams message: Adaptive Card 1.5 that the reference object model parses
// without problems, within Teams' 28 KB payload limit, with a plain-text summary and fallback, and with
// buttons that carry exactly the core's action ids.
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/assistant.js';
import type { Input } from '../../../src/input.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { toPlainText } from '../../../src/plain-text.js';
import { replyFeedbackButtons, replyFollowUps, replyItems, replyLinks, type Reply, type ReplyItem, type ReplyKind } from '../../../src/reply.js';
import { escapeTeamsMarkdown, markdownBlocks, type TeamsCardElement, type TeamsAdaptiveCard, type TeamsCardAction } from '../../../adapters/teams/card.js';
import { renderTeamsMessage, renderTeamsWelcome, teamsPayloadBytes, TEAMS_MAX_PAYLOAD_BYTES } from '../../../adapters/teams/render.js';
import { adaptiveCardProblems } from './adaptive-cards.js';

const link = (n: number) => ({ label: `Link ${n}`, url: `https://example.org/doc-${n}`, kind: 'document' as const });
const item = (n: number, links = 1): ReplyItem => ({
  id: `item-${n}`,
  title: `Stap ${n}`,
  summary: `Korte uitleg bij stap ${n}.`,
  action: `entry:item-${n}`,
  links: Array.from({ length: links }, (_, i) => link(n * 10 + i)),
});
const dated = (n: number) => ({
  id: `item-${n}`,
  title: `Deadline ${n}`,
  due: `Friday ${n} March 2027, 12:00 (Brussels time)`,
  dueAt: `2027-03-0${n}T11:00:00.000Z`,
  daysLeft: 90 + n,
  left: `${90 + n} days left`,
  notes: ['Expected date.'],
  notices: 'Notices: 3 Feb, 26 Feb and 4 Mar at 09:00',
  action: `entry:item-${n}`,
});
const followUps = (count: number) => Array.from({ length: count }, (_, i) => ({ label: `Vervolg ${i + 1}`, action: `entry:next-${i + 1}` }));

/** One hand-built sample per kind; the Record type makes a new kind fail to compile here until added. */
const SAMPLES: Record<ReplyKind, Reply> = {
  answer: {
    kind: 'answer',
    lang: 'nl',
    entryId: 'partner-search',
    phaseId: 'preparation',
    phaseTitle: 'Voorbereiding',
    title: 'Projectpartners zoeken',
    body: 'Bezoek een **contactseminar**.\n- eTwinning\n- LinkedIn\nOf vraag het Nationaal Agentschap.',
    notes: ['Sinds 2021 heet dit anders (gecontroleerd op 2026-11-26)'],
    links: Array.from({ length: 7 }, (_, i) => link(i)),
    followUps: followUps(5),
    source: 'Bron: roadmap, blok PROJECTPARTNERS',
    score: 0.9,
    feedback: { prompt: 'Had je hier iets aan?', up: { label: '👍', action: 'feedback:up:nl:partner-search' }, down: { label: '👎', action: 'feedback:down:nl:partner-search' } },
  },
  'feedback-ack': {
    kind: 'feedback-ack',
    lang: 'en',
    vote: 'up',
    previous: undefined,
    entryId: 'final-report',
    text: 'Thank you, your feedback was saved.',
    answer: {
      kind: 'answer', lang: 'en', entryId: 'final-report', phaseId: 'reporting', phaseTitle: 'Reporting', title: 'Final report',
      body: 'Report at the end.', notes: [], links: [link(1)], followUps: followUps(2), source: 'Source: roadmap', score: 1,
      feedback: {
        prompt: 'Was this helpful?', up: { label: '👍', action: 'feedback:up:en:final-report' }, down: { label: '👎', action: 'feedback:down:en:final-report' },
        saved: 'Thank you, your feedback was saved.', given: 'up',
      },
    },
  },
  report: {
    kind: 'report',
    lang: 'nl',
    title: 'Feedbackrapport',
    intro: 'Afgelopen **90** dagen: 12 vragen.',
    sections: [
      { title: 'Rapportage', body: '- Tussenrapportage: 3 vragen · 👍 2 · 👎 1' },
      { title: 'Toe te voegen', body: '1. Bij **Budget**: 4 vragen\n- "hoeveel geld krijgen we"' },
    ],
  },
  suggestions: { kind: 'suggestions', lang: 'en', text: 'More than one topic fits. Which one do you mean?', options: followUps(3) },
  'not-found': { kind: 'not-found', lang: 'nl', text: 'Dat weet ik niet.', options: followUps(8) },
  help: { kind: 'help', lang: 'en', title: 'How it works', body: 'Ask in plain words.\n- **roadmap**: all phases\n- **tools**: every tool', examples: followUps(4) },
  roadmap: { kind: 'roadmap', lang: 'nl', title: 'De roadmap', intro: 'In 3 fases.', phases: [item(1, 0), item(2, 0), item(3, 0)] },
  phase: {
    kind: 'phase',
    lang: 'en',
    phaseId: 'reporting',
    position: 2,
    total: 7,
    title: 'Reporting',
    summary: 'Report midway and at the end.',
    steps: [item(1), item(2, 6)],
    followUps: followUps(2),
  },
  tools: { kind: 'tools', lang: 'nl', title: 'Hulpmiddelen', intro: 'Alle hulpmiddelen.', tools: [item(1, 2), item(2, 0)] },
  smalltalk: { kind: 'smalltalk', lang: 'nl', text: 'Hoi! Stel je vraag over je KA2-partnerschap.', followUps: followUps(2) },
  'out-of-scope': {
    kind: 'out-of-scope', lang: 'en', topicId: 'ka1-mobility', title: 'KA1 mobility', text: 'That is not part of the KA2 roadmap; for KA1 mobility see the agency.',
    links: [{ label: 'KA1 mobility', url: 'https://www.erasmusplus.nl/mbo', kind: 'website' }], followUps: followUps(1),
  },
  message: { kind: 'message', lang: 'nl', text: 'Die knop werkt niet meer.', followUps: followUps(0) },
  deadlines: {
    kind: 'deadlines',
    lang: 'en',
    title: 'Upcoming deadlines',
    intro: 'KA220-VET has a deadline once a year.',
    items: [dated(1), dated(2)],
    subscription: 'Type **subscribe** to be told in time.',
    followUps: followUps(3),
  },
  project: {
    kind: 'project',
    lang: 'nl',
    title: 'Groene vaardigheden',
    intro: 'Project opgeslagen.',
    period: 'Looptijd: maandag 1 september 2025 tot en met dinsdag 31 augustus 2027',
    milestones: [dated(1), dated(2), dated(3)],
    subscription: 'Dit gesprek krijgt nog geen berichten.',
    followUps: followUps(2),
  },
  notice: {
    kind: 'notice',
    lang: 'nl',
    deadlineId: 'ka220-vet-2027',
    title: 'Nog 7 dagen: KA220-VET samenwerkingspartnerschap',
    due: 'Uiterlijk vrijdag 5 maart 2027, 12:00 uur (Brusselse tijd) (nog 7 dagen).',
    dueAt: '2027-03-05T11:00:00.000Z',
    daysLeft: 7,
    body: '**Wat je nodig hebt: Deadline**\nEr is één keer per jaar een deadline.',
    late: 'Dit bericht komt later dan gepland (het stond op vrijdag 26 februari 2027, 09:00).',
    notes: ['Deze datum volgt het patroon van de calls 2024–2026.'],
    links: [link(1)],
    followUps: [{ label: 'Wat heb ik nodig?', action: 'entry:deadline' }, ...followUps(1)],
  },
  distance: {
    kind: 'distance',
    lang: 'nl',
    title: 'Zwolle – Helsinki',
    body: '**1.432 km** enkele reis\n- afstandsband 500–1999 km',
    km: 1432,
    from: { id: 2743477, name: 'Zwolle', country: 'Nederland', countryCode: 'NL', region: 'Overijssel' },
    to: { id: 658225, name: 'Helsinki', country: 'Finland', countryCode: 'FI' },
    support: { band: '500–1999 km', standard: 275, green: 320 },
    notes: ['Partnerschappen krijgen een vast bedrag.'],
    links: [link(1)],
    alternatives: [{ label: 'Zwolle (Michigan, VS)', action: 'distance:1:658225' }],
    source: 'Erasmus+ Programme Guide 2025',
    attribution: 'Plaatsgegevens: GeoNames (geonames.org), CC BY 4.0',
  },
};

const conversation: Input['conversation'] = { platform: 'teams', channelId: 'conv-1', userId: 'user-1', kind: 'personal' };
const assistant = createAssistant({ knowledge: loadKnowledge('test/fixtures/knowledge') });
const REAL_INPUTS: Array<Omit<Input, 'conversation'>> = [
  { text: 'help' },
  { text: 'roadmap' },
  { text: 'tools' },
  { text: 'rapportage' },
  { text: 'hoe vind ik een partner' },
  { text: 'how do I submit the final report' },
  { text: 'wat is de hoofdstad van Peru' },
  { text: 'x'.repeat(1200) },
  { action: 'entry:interim-report', lang: 'en' },
  { action: 'phase:preparation' },
  { action: 'entry:does-not-exist' },
];

function walk(elements: readonly TeamsCardElement[], visit: (element: TeamsCardElement) => void): void {
  for (const element of elements) {
    visit(element);
    if (element.type === 'Container') walk(element.items, visit);
  }
}

function actionsOf(card: TeamsAdaptiveCard): TeamsCardAction[] {
  const actions: TeamsCardAction[] = [...(card.actions ?? [])];
  walk(card.body, (element) => {
    if (element.type === 'ActionSet') actions.push(...element.actions);
    if (element.type === 'Container' && element.selectAction) actions.push(element.selectAction);
  });
  return actions;
}

/** The action ids and URLs a reply offers, whatever its kind. */
function offered(reply: Reply): { actions: Set<string>; urls: Set<string> } {
  const dated = reply.kind === 'deadlines' ? reply.items : reply.kind === 'project' ? reply.milestones : [];
  const buttons = [...replyFollowUps(reply), ...replyFeedbackButtons(reply), ...replyItems(reply), ...dated];
  return { actions: new Set(buttons.map((b) => b.action)), urls: new Set(replyLinks(reply).map((l) => l.url)) };
}

function checkMessage(reply: Reply): void {
  const message = renderTeamsMessage(reply);
  const card = message.attachments[0].content;
  expect(message.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(card.version).toBe('1.5');
  expect(teamsPayloadBytes(message)).toBeLessThanOrEqual(TEAMS_MAX_PAYLOAD_BYTES);
  const { problems, version } = adaptiveCardProblems(card);
  expect(problems).toEqual([]);
  expect(version).toBe('1.5');
  expect(message.summary.trim()).not.toBe('');
  expect(message.summary).not.toContain('**');
  expect(card.fallbackText).toBe(escapeTeamsMarkdown(toPlainText(reply)));

  const { actions: offeredActions, urls } = offered(reply);
  const actions = actionsOf(card);
  const submitted = actions.flatMap((a) => (a.type === 'Action.Submit' ? [a.data.action] : []));
  const opened = actions.flatMap((a) => (a.type === 'Action.OpenUrl' ? [a.url] : []));
  expect(new Set(submitted)).toEqual(offeredActions);
  expect(new Set(opened)).toEqual(urls);
  expect(card.actions?.length ?? 0).toBeLessThanOrEqual(5);
}

describe('renderTeamsMessage', () => {
  it.each(Object.entries(SAMPLES))('renders a %s reply as a clean Adaptive Card 1.5', (_kind, reply) => {
    checkMessage(reply);
  });

  it.each(REAL_INPUTS.map((input) => [JSON.stringify(input).slice(0, 60), input] as const))(
    'renders the fixture assistant reply to %s',
    async (_name, input) => {
      checkMessage(await assistant.handle({ ...input, conversation }));
    },
  );

  it('renders every entry, phase and command of the real knowledge in both languages in full', async () => {
    const knowledge = loadKnowledge('knowledge');
    const real = createAssistant({ knowledge });
    const actions = ['cmd:help', 'cmd:roadmap', 'cmd:tools', ...knowledge.phases.map((p) => `phase:${p.id}`), ...knowledge.entries.map((e) => `entry:${e.id}`)];
    for (const lang of ['nl', 'en'] as const) {
      for (const action of actions) {
        const reply = await real.handle({ action, lang, conversation });
        expect(reply.kind, action).not.toBe('message');
        // The full card fits: nothing was left out to meet the payload limit.
        checkMessage(reply);
      }
    }
  });

  it('puts follow-ups beyond five into the body so none is hidden', () => {
    const card = renderTeamsMessage(SAMPLES['not-found']).attachments[0].content;
    expect(card.actions).toHaveLength(5);
    const sets = card.body.filter((element) => element.type === 'ActionSet');
    expect(sets.flatMap((set) => (set.type === 'ActionSet' ? set.actions : []))).toHaveLength(3);
  });

  it('renders cards for the message extension without Submit buttons', () => {
    for (const reply of Object.values(SAMPLES)) {
      const card = renderTeamsMessage(reply, { interactive: false }).attachments[0].content;
      expect(actionsOf(card).filter((a) => a.type === 'Action.Submit')).toEqual([]);
      expect(adaptiveCardProblems(card).problems).toEqual([]);
    }
  });

  it('keeps an oversized reply under the payload limit and still parseable', () => {
    const long = 'Een lange zin over het projectbudget en de verantwoording. '.repeat(40);
    const huge: Reply = {
      kind: 'tools',
      lang: 'nl',
      title: 'Hulpmiddelen',
      intro: 'Alle hulpmiddelen.',
      tools: Array.from({ length: 300 }, (_, i) => ({ ...item(i, 3), summary: long })),
    };
    const hugeAnswer: Reply = { ...(SAMPLES.answer as Extract<Reply, { kind: 'answer' }>), body: long.repeat(30) };
    for (const reply of [huge, hugeAnswer]) {
      expect(Buffer.byteLength(toPlainText(reply))).toBeGreaterThan(TEAMS_MAX_PAYLOAD_BYTES);
      const message = renderTeamsMessage(reply);
      expect(teamsPayloadBytes(message)).toBeLessThanOrEqual(TEAMS_MAX_PAYLOAD_BYTES);
      expect(adaptiveCardProblems(message.attachments[0].content).problems).toEqual([]);
    }
  });

  it('writes the welcome card above the help', async () => {
    const help = await assistant.handle({ action: 'cmd:help', lang: 'nl', conversation });
    expect(help.kind).toBe('help');
    if (help.kind !== 'help') return;
    const message = renderTeamsWelcome(help);
    const card = message.attachments[0].content;
    expect(message.summary).toMatch(/^Welkom/);
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: message.summary });
    expect(card.body.some((element) => element.type === 'TextBlock' && element.text === help.title)).toBe(true);
    expect(adaptiveCardProblems(card).problems).toEqual([]);
  });
});

describe('markdownBlocks', () => {
  it.each([
    ['plain line', 'Eén zin.', ['Eén zin.']],
    ['paragraphs', 'Eerste.\nTweede.', ['Eerste.\n\nTweede.']],
    ['list with \\r', '- a\n- **b**\n* c', ['- a\r- **b**\r- c']],
    ['text, list, text', 'Intro:\n- a\n- b\nSlot.', ['Intro:', '- a\r- b', 'Slot.']],
    ['blank lines ignored', '\nA\n\n\nB\n', ['A\n\nB']],
  ])('%s', (_name, markdown, texts) => {
    expect(markdownBlocks(markdown).map((block) => block.text)).toEqual(texts);
  });
});

/** Every TextBlock text in a card, containers included. */
function textBlocks(card: TeamsAdaptiveCard): string[] {
  const found: string[] = [];
  const walk = (elements: readonly TeamsCardElement[]): void => {
    for (const element of elements) {
      if (element.type === 'TextBlock') found.push(element.text);
      if (element.type === 'Container') walk(element.items);
    }
  };
  walk(card.body);
  return found;
}

/** Whether Teams markdown would make a link, an autolink or a heading of this text (CommonMark: `\` escapes the next character). */
const LIVE_MARKUP = /(?<!\\)\[[^\]]*(?<!\\)\]\(|(?<!\\)<https?:|^\s*#/m;

describe('text a user typed, in a Teams card', () => {
  const evil = '[klik hier](https://evil.example/login)';

  it.each([
    ['a project name as the card heading', { ...SAMPLES.project, title: evil } as Reply],
    ['a place in a message', { ...SAMPLES.message, text: `Ik ken de plaats **${evil}** niet.\n- ${evil}` } as Reply],
    ['a quoted question in the report', { ...SAMPLES.report, sections: [{ title: `# ${evil}`, body: `- "<https://evil.example>" ${evil}` }] } as Reply],
    ['a dated item', { ...SAMPLES.deadlines, items: [{ ...dated(1), title: evil, notes: [evil] }] } as Reply],
  ])('%s is shown as text, never as a link or heading', (_name, reply) => {
    const texts = textBlocks(renderTeamsMessage(reply).attachments[0].content);
    expect(texts.join('\n')).toContain('klik hier');
    for (const text of texts) expect(text, text).not.toMatch(LIVE_MARKUP);
  });

  it.each([
    ['link', evil, '\\[klik hier\\](https://evil.example/login)'],
    ['emphasis and code', 'a_b *c* `d`', 'a\\_b \\*c\\* \\`d\\`'],
    ['heading, quote, list and number at a line start', '# a\n> b\n- c\n+ d\n1. e', '\\# a\n\\> b\n\\- c\n\\+ d\n1\\. e'],
    ['plain text unchanged', 'Zwolle – Helsinki (1.540 km)', 'Zwolle – Helsinki (1.540 km)'],
  ])('escapes %s', (_name, text, escaped) => {
    expect(escapeTeamsMarkdown(text)).toBe(escaped);
  });

  it('keeps the reply subset: bold and bullets', () => {
    expect(markdownBlocks('**Let op** [x](y)\n- een_twee').map((block) => block.text)).toEqual(['**Let op** \\[x\\](y)', '- een\\_twee']);
  });
});

describe('a reply rendered before', () => {
  it('reuses its message, whatever the score; any other difference renders anew', () => {
    const answer = SAMPLES.answer as Extract<Reply, { kind: 'answer' }>;
    const first = renderTeamsMessage(answer);
    expect(renderTeamsMessage({ ...answer, score: answer.score / 2 })).toBe(first);
    const led = renderTeamsMessage({ ...answer, lead: 'Na de kick-off komt:' });
    expect(led).not.toBe(first);
    expect(JSON.stringify(led)).toContain('Na de kick-off komt:');
    expect(JSON.stringify(first)).not.toContain('Na de kick-off komt:');
    const quiet = renderTeamsMessage(answer, { interactive: false });
    expect(JSON.stringify(quiet)).not.toContain('Action.Submit');
    expect(JSON.stringify(first)).toContain('Action.Submit');
  });
});
