// The report as a pure function of the counts: grouping of unanswered questions, the top ten, entries
// that left the knowledge, and question texts shown as typed.
import { describe, expect, it } from 'vitest';
import { buildReport, groupUnanswered, TOP_TO_ADD } from '../../src/feedback/report.js';
import type { FeedbackSummary, QuestionRecord } from '../../src/storage/feedback.js';
import { knowledge } from '../notices/helpers.js';

const question = (text: string, nearest: string | undefined, score = 0.3): QuestionRecord => ({
  askedAt: new Date(0),
  platform: 'slack',
  lang: 'nl',
  outcome: 'declined',
  entryId: nearest,
  confidence: score,
  text,
  nearest: nearest ? [{ entryId: nearest, score }] : [],
});
const empty: FeedbackSummary = { outcomes: { answered: 0, 'low-confidence': 0, suggested: 0, declined: 0 }, entries: [] };

describe('groupUnanswered', () => {
  it('groups by nearest entry, largest first, with distinct examples newest first', () => {
    const groups = groupUnanswered([
      question('Parkeren bij het NA?', 'partner-search', 0.2),
      question('parkeren bij het na?', 'partner-search', 0.35),
      question('Lunch op de kick-off?', 'final-report'),
      question('Wat kost een taxi?', undefined),
      question('Lunch vergoed?', 'partner-search'),
    ]);
    expect(groups).toEqual([
      { entryId: 'partner-search', count: 3, bestScore: 0.35, examples: ['Parkeren bij het NA?', 'Lunch vergoed?'] },
      { entryId: 'final-report', count: 1, bestScore: 0.3, examples: ['Lunch op de kick-off?'] },
      { entryId: undefined, count: 1, bestScore: 0, examples: ['Wat kost een taxi?'] },
    ]);
  });
});

describe('buildReport', () => {
  it('lists the ten largest groups to add, and entries no longer in the knowledge apart', () => {
    const unanswered = Array.from({ length: 14 }, (_, i) => Array.from({ length: 14 - i }, () => question(`vraag ${i}`, `gone-${i}`))).flat();
    const summary: FeedbackSummary = { ...empty, entries: [{ entryId: 'old-entry', questions: 2, up: 0, down: 1 }, { entryId: 'final-report', questions: 1, up: 1, down: 0 }] };
    const report = buildReport({ knowledge, summary, unanswered, lang: 'nl', days: 90, since: 'maandag 1 december 2025' });
    expect(report.sections.map((part) => part.title)).toEqual([
      'Rapportage',
      'Onderwerpen die niet meer in de kennis staan',
      'Niet of matig beantwoord: top 10 om toe te voegen',
      'Antwoorden die niet hielpen',
    ]);
    const toAdd = report.sections[2]?.body ?? '';
    expect(toAdd.match(/^\*\*\d+\./gm)).toHaveLength(TOP_TO_ADD);
    expect(toAdd).toContain('**1. Dichtst bij: gone-0**: 14 vragen');
    expect(toAdd).not.toContain('gone-10');
    expect(report.intro).toContain('sinds maandag 1 december 2025');
  });

  it('says so when there is nothing yet', () => {
    const report = buildReport({ knowledge, summary: empty, unanswered: [], lang: 'en', days: 90, since: 'Monday 1 December 2025' });
    expect(report.intro).toContain('**0 questions**');
    expect(report.sections.map((part) => part.body)).toEqual(['No questions or votes in this period yet.', 'No declined or weakly answered questions in this period.']);
  });

  it('shows what people typed as typed: no bold, no links', () => {
    const report = buildReport({ knowledge, summary: empty, unanswered: [question('**free** [money](https://evil.example)', 'final-report')], lang: 'en', days: 90, since: 'x' });
    const body = report.sections.at(-1)?.body ?? '';
    expect(body).not.toContain('**free**');
    expect(body).not.toContain('](https');
  });
});
