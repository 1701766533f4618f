import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';
import { inspectDeadlines, loadDeadlines } from '../../src/notices/deadlines.js';
import { knowledge as fixtureKnowledge, tempDataDir } from './helpers.js';

describe('knowledge/deadlines.yaml', () => {
  const knowledge = loadKnowledge('knowledge');
  const deadlines = loadDeadlines(knowledge);

  it('passes the schema and points every deadline at an existing entry', () => {
    expect(deadlines.length).toBeGreaterThan(0);
    for (const deadline of deadlines) expect(knowledge.entryById.has(deadline.entry), deadline.id).toBe(true);
  });

  it('has KA220-VET once a year and at most two KA210-VET rounds, each at 12:00 Brussels time', () => {
    const years = [...new Set(deadlines.map((d) => d.year))];
    for (const year of years) {
      const ofYear = deadlines.filter((d) => d.year === year);
      expect(ofYear.filter((d) => d.action === 'KA220-VET').length, `KA220-VET ${year}`).toBe(1);
      expect(ofYear.filter((d) => d.action === 'KA210-VET').length, `KA210-VET ${year}`).toBeLessThanOrEqual(2);
    }
    for (const deadline of deadlines) {
      expect([deadline.time, deadline.timezone]).toEqual(['12:00', 'Europe/Brussels']);
      expect(deadline.dueAt.toISOString()).toMatch(/T1[01]:00:00.000Z$/);
    }
  });

  it('records a source and a check date, and marks the dates of calls not yet published as provisional', () => {
    for (const deadline of deadlines) {
      expect(deadline.source).toMatch(/^https:\/\/(erasmus-plus\.ec\.europa\.eu|www\.erasmusplus\.nl)\//);
      expect(deadline.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const provisional = deadlines.filter((d) => d.provisional).map((d) => d.id);
    expect(provisional).toEqual(deadlines.filter((d) => d.year >= 2027 || (d.action === 'KA210-VET' && d.round === 2)).map((d) => d.id));
    expect(provisional).toEqual(expect.arrayContaining(['ka210-vet-2025-2', 'ka210-vet-2026-2', 'ka220-vet-2027']));
    for (const deadline of deadlines.filter((d) => d.provisional)) expect(deadline.note?.en, deadline.id).toMatch(/no source confirms|not yet published/);
  });

  it('holds the 2021 KA220-VET deadline of 20 May', () => {
    expect(deadlines.find((d) => d.id === 'ka220-vet-2021')?.date).toBe('2021-05-20');
  });
});

describe('loadDeadlines', () => {
  let cleanup = () => undefined as void;
  afterEach(() => cleanup());

  it('reports each problem with its file, deadline and field', () => {
    const temp = tempDataDir();
    cleanup = temp.cleanup;
    const file = join(temp.dir, 'deadlines.yaml');
    writeFileSync(
      file,
      [
        'deadlines:',
        '  - { id: a-2027, action: KA220-VET, year: 2027, title: { nl: a, en: a }, date: 2027-03-05, time: "12:00", timezone: Europe/Brussels, entry: nope, source: "https://example.org/", checked: 2026-11-26 }',
        '  - { id: b-2027, action: KA2, year: 2027, title: { nl: b, en: b }, date: 2026-03-05, time: "25:00", timezone: Mars/Olympus, entry: partner-search, source: "http://example.org/", checked: 2026-11-26 }',
      ].join('\n'),
    );
    const { problems } = inspectDeadlines(fixtureKnowledge, file);
    const where = problems.map((p) => `${p.entry} › ${p.field}`);
    expect(where).toEqual(expect.arrayContaining(['b-2027 › action', 'b-2027 › time', 'b-2027 › timezone', 'b-2027 › source']));
    expect(problems.every((p) => p.file.endsWith('deadlines.yaml'))).toBe(true);
    expect(() => loadDeadlines(fixtureKnowledge, file)).toThrow(KnowledgeError);

    writeFileSync(file, 'deadlines:\n  - { id: a-2027, action: KA220-VET, year: 2027, title: { nl: a, en: a }, date: 2026-03-05, time: "12:00", timezone: Europe/Brussels, entry: nope, source: "https://example.org/", checked: 2026-11-26 }\n');
    expect(inspectDeadlines(fixtureKnowledge, file).problems.map((p) => [p.entry, p.field, p.message])).toEqual([
      ['a-2027', 'date', 'lies outside the call year 2027'],
      ['a-2027', 'entry', 'unknown knowledge entry "nope"'],
    ]);
  });
});
