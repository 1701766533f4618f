import { describe, expect, it } from 'vitest';
import { toPlainText } from '../src/plain-text.js';
import type { Reply } from '../src/reply.js';
import { toTranscriptLine } from '../src/transcript.js';

const link = { label: 'Mobility Tool+', url: 'https://webgate.ec.europa.eu/eac/mobility', kind: 'login' as const };
const item = { id: 'x', title: 'Stap', summary: 'Korte uitleg.', action: 'entry:x', links: [] };
const follow = { label: 'Eindrapportage', action: 'entry:final-report' };
const dated = { id: 'ka220-vet-2027', title: 'KA220-VET', due: 'Friday 5 March 2027, 12:00', dueAt: '2027-03-05T11:00:00.000Z', daysLeft: 99, left: '99 days left', notes: ['Expected date.'], notices: 'Notices: 3 Feb at 09:00', action: 'entry:deadline' };

/** One sample of every reply kind; the `satisfies` keeps it complete when a kind is added. */
const samples = {
  answer: { kind: 'answer', lang: 'nl', entryId: 'interim-report', phaseId: 'reporting', phaseTitle: 'Rapportage', title: 'Voortgangsrapportage', body: 'Dien **tijdig** in:\n- via MT+', notes: ['Nu de Beneficiary Module.'], links: [link], followUps: [follow], source: 'Bron: blok X', score: 0.9 },
  suggestions: { kind: 'suggestions', lang: 'en', text: 'Which one?', options: [follow] },
  'not-found': { kind: 'not-found', lang: 'en', text: "I don't know that.", options: [follow] },
  help: { kind: 'help', lang: 'nl', title: 'Hulp', body: '**roadmap**: alles', examples: [follow] },
  roadmap: { kind: 'roadmap', lang: 'nl', title: 'Roadmap', intro: 'Zes fases.', phases: [item, { ...item, id: 'y', title: 'Tweede' }] },
  phase: { kind: 'phase', lang: 'en', phaseId: 'reporting', position: 5, total: 6, title: 'Reporting', summary: 'Report.', steps: [item], followUps: [follow] },
  tools: { kind: 'tools', lang: 'en', title: 'Tools', intro: 'All tools.', tools: [item] },
  smalltalk: { kind: 'smalltalk', lang: 'en', text: 'Hello! Ask me about your **KA2** partnership.', followUps: [{ label: 'Roadmap', action: 'cmd:roadmap' }] },
  'out-of-scope': {
    kind: 'out-of-scope', lang: 'en', topicId: 'ka1-mobility', title: 'KA1 mobility', text: 'That is not part of the KA2 roadmap; for **KA1 mobility** see the agency.',
    links: [{ label: 'KA1 mobility', url: 'https://www.erasmusplus.nl/mbo', kind: 'website' }], followUps: [],
  },
  message: { kind: 'message', lang: 'en', text: 'Too long.', followUps: [] },
  deadlines: { kind: 'deadlines', lang: 'en', title: 'Upcoming deadlines', intro: 'Once a year.', items: [dated], subscription: 'Type **subscribe**.', followUps: [follow] },
  project: { kind: 'project', lang: 'nl', title: 'Jullie project', intro: 'Opgeslagen.', period: 'Looptijd: a tot b', milestones: [dated], subscription: 'Geen berichten.', followUps: [follow] },
  notice: { kind: 'notice', lang: 'en', deadlineId: 'ka220-vet-2027', title: '7 days left: KA220-VET', due: 'Due Friday 5 March 2027, 12:00.', dueAt: '2027-03-05T11:00:00.000Z', daysLeft: 7, body: '**What you need: Deadline**', late: undefined, notes: [], links: [link], followUps: [follow] },
  distance: {
    kind: 'distance', lang: 'en', title: 'Zwolle – Helsinki', body: '**1,432 km** one way', km: 1432,
    from: { id: 2743477, name: 'Zwolle', country: 'Netherlands', countryCode: 'NL', region: 'Overijssel' },
    to: { id: 658225, name: 'Helsinki', country: 'Finland', countryCode: 'FI' },
    support: { band: '500–1999 km', standard: 275, green: 320 }, notes: [], links: [], alternatives: [],
    source: 'Erasmus+ Programme Guide', attribution: 'Place data: GeoNames (geonames.org), licensed under CC BY 4.0',
  },
  'feedback-ack': { kind: 'feedback-ack', lang: 'nl', vote: 'up', previous: undefined, entryId: 'interim-report', text: 'Bedankt, je feedback is opgeslagen.', answer: undefined },
  report: {
    kind: 'report', lang: 'en', title: 'Feedback report', intro: 'Last **90** days: 12 questions.',
    sections: [{ title: 'Reporting', body: '- Interim report: 3 questions, 👍 2, 👎 1' }],
  },
} satisfies { [K in Reply['kind']]: Extract<Reply, { kind: K }> };

describe('toPlainText', () => {
  it.each(Object.values(samples) as Reply[])('gives the $kind reply a plain form', (reply) => {
    const text = toPlainText(reply);
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain('**');
  });

  it('writes an answer with its notes, links and follow-ups', () => {
    expect(toPlainText(samples.answer)).toBe(
      'Voortgangsrapportage\n\nDien tijdig in:\n- via MT+\n\nSinds 2021:\n- Nu de Beneficiary Module.\n\nLinks:\n- Mobility Tool+: https://webgate.ec.europa.eu/eac/mobility\n\nZie ook:\n- Eindrapportage',
    );
  });

  it('writes a report as its title, intro and sections, without markup', () => {
    expect(toPlainText(samples.report)).toBe('Feedback report\nLast 90 days: 12 questions.\n\nReporting\n- Interim report: 3 questions, 👍 2, 👎 1');
  });

  it('numbers the phases of the roadmap', () => {
    expect(toPlainText(samples.roadmap)).toContain('1. Stap — Korte uitleg.\n2. Tweede');
  });
});

describe('toTranscriptLine', () => {
  it('marks answers as answered and declines as not', () => {
    expect(toTranscriptLine('q', samples.answer)).toMatchObject({ answered: true, entryId: 'interim-report', links: [{ label: 'Mobility Tool+', url: link.url }], followUps: ['Eindrapportage'], score: 0.9 });
    expect(toTranscriptLine('q', samples['not-found'])).toMatchObject({ answered: false, entryId: null, kind: 'not-found', score: null });
  });
});
