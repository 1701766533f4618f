import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoginSession, MOVED_ADDRESSES, movedAddress } from '../../src/knowledge/addresses.js';
import { inspectKnowledge, KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';

const FIXTURE = 'test/fixtures/knowledge';

/** A copy of the fixture knowledge with one file rewritten by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('the real knowledge', () => {
  const knowledge = loadKnowledge('knowledge');

  it('passes the schema and the cross-file checks', () => {
    expect(inspectKnowledge('knowledge').problems).toEqual([]);
    expect(knowledge.phases.map((p) => p.id)).toEqual(['orientation', 'application', 'result', 'execution', 'reporting', 'dissemination']);
    expect(knowledge.entries.length).toBeGreaterThanOrEqual(50);
    expect(knowledge.glossary.length).toBeGreaterThanOrEqual(30);
  });

  it("holds every link of the flyer, in today's links or as the entry's flyer links", () => {
    const held = new Set(knowledge.entries.flatMap((entry) => [...entry.links.map((link) => link.url), ...entry.flyerLinks]));
    const seed = readFileSync('test/fixtures/seed-links.txt', 'utf8').split('\n').filter(Boolean);
    expect(seed.length).toBeGreaterThan(50);
    expect(seed.filter((url) => !held.has(url))).toEqual([]);
  });

  it("shows only today's addresses: no moved page and no one-off EU Login session among the shown links", () => {
    const shown = knowledge.entries.flatMap((entry) => entry.links.map((link) => `${entry.id} ${link.url}`));
    expect(shown.filter((line) => movedAddress(line.split(' ')[1] ?? '') || isLoginSession(line))).toEqual([]);
    for (const move of MOVED_ADDRESSES.slice(0, 3)) expect(shown.some((line) => line.endsWith(move.to)), move.to).toBe(true);
  });

  it('gives every entry both languages, example questions and a seed block', () => {
    for (const entry of knowledge.entries) {
      expect(entry.questions.nl.length + entry.questions.en.length, entry.id).toBeGreaterThanOrEqual(2);
      expect(entry.source.block.length, entry.id).toBeGreaterThan(0);
    }
  });

  it("states today's facts in the entries, each changed entry with a dated source and the roadmap's wording", () => {
    const today = knowledge.entries.flatMap((entry) => [entry.text.en, ...entry.notes.map((note) => note.text.en)]).join('\n');
    for (const fact of ['Beneficiary Module', 'Organisation ID', 'KA220', 'KA210', 'Co-funded by the European Union', 'Training and Cooperation Activities', 'European School Education Platform', 'lump sum', 'green travel']) {
      expect(today).toContain(fact);
    }
    const changed = knowledge.entries.filter((entry) => entry.roadmap);
    expect(changed.length).toBeGreaterThanOrEqual(20);
    for (const entry of changed) expect(entry.sources.length, entry.id).toBeGreaterThan(0);
  });

  it('no longer offers Skype, and leaves Mobility Tool+ and the PIC to the 2014–2020 wording', () => {
    for (const entry of knowledge.entries) {
      for (const lang of ['nl', 'en'] as const) {
        expect(entry.text[lang], entry.id).not.toMatch(/skype/i);
        expect(entry.roadmap?.[lang] ?? '', entry.id).not.toMatch(/skype/i);
      }
    }
    for (const [id, today, then] of [
      ['interim-report', 'Beneficiary Module', 'Mobility Tool+'],
      ['final-report', 'Beneficiary Module', 'Mobility Tool+'],
      ['submission', 'Organisation ID', 'PIC'],
      ['online-application-form', 'Organisation ID', 'PIC'],
    ] as const) {
      const entry = knowledge.entryById.get(id);
      expect(entry?.text.en, id).toContain(today);
      expect(entry?.text.en, id).not.toContain(then);
      expect(entry?.roadmap?.en, id).toContain(then);
    }
  });
});

describe('invalid knowledge', () => {
  it.each([
    ['a malformed URL', 'entries/reporting.yaml', (s: string) => s.replace('https://webgate.ec.europa.eu/eac/mobility', 'webgate/eac'), { file: 'entries/reporting.yaml', entry: 'interim-report', field: 'links[0].url' }],
    ['a missing English title', 'entries/reporting.yaml', (s: string) => s.replace('title: { nl: Eindrapportage, en: Final report }', 'title: { nl: Eindrapportage }'), { file: 'entries/reporting.yaml', entry: 'final-report', field: 'title.en' }],
    ['an unknown related entry', 'entries/reporting.yaml', (s: string) => s.replace('related: [final-report]', 'related: [final-reprot]'), { file: 'entries/reporting.yaml', entry: 'interim-report', field: 'related[0]' }],
    ['an unknown phase', 'entries/preparation.yaml', (s: string) => s.replace('phase: preparation\n    type: tool', 'phase: prep\n    type: tool'), { file: 'entries/preparation.yaml', entry: 'distance-calculator', field: 'phase' }],
    ['a duplicate id', 'entries/preparation.yaml', (s: string) => s.replace('id: distance-calculator', 'id: partner-search'), { file: 'entries/preparation.yaml', entry: 'partner-search', field: 'id' }],
    ['a field the schema does not know', 'entries/preparation.yaml', (s: string) => s.replace('type: tool', 'type: tool\n    colour: blue'), { file: 'entries/preparation.yaml', entry: 'distance-calculator' }],
    ['a glossary variant in two terms', 'glossary.yaml', (s: string) => s.replace('[distance calculator, afstandscalculator]', '[distance calculator, tussenrapportage]'), { file: 'glossary.yaml', entry: 'distance-calculator', field: 'variants[1]' }],
    ['a moved address', 'entries/reporting.yaml', (s: string) => s.replace('https://webgate.ec.europa.eu/eac/mobility', 'https://ec.europa.eu/programmes/erasmus-plus/projects/'), { file: 'entries/reporting.yaml', entry: 'interim-report', field: 'links[0].url' }],
    ["the roadmap's wording without a source for today's text", 'entries/reporting.yaml', (s: string) => s.replace('related: [final-report]', 'related: [final-report]\n    roadmap: { nl: Via de Mobility Tool+., en: Through Mobility Tool+. }'), { file: 'entries/reporting.yaml', entry: 'interim-report', field: 'sources' }],
    ['a single step of its own', 'entries/reporting.yaml', (s: string) => s.replace('related: [final-report]', 'related: [final-report]\n    steps: [{ title: { nl: Rapport, en: Report }, keywords: { nl: [rapport] } }]'), { file: 'entries/reporting.yaml', entry: 'interim-report', field: 'steps' }],
    ['a step without keywords', 'entries/reporting.yaml', (s: string) => s.replace('related: [final-report]', 'related: [final-report]\n    steps: [{ title: { nl: Concept, en: Draft }, keywords: { nl: [concept] } }, { title: { nl: Rapport, en: Report }, keywords: {} }]'), { file: 'entries/reporting.yaml', entry: 'interim-report', field: 'steps[1].keywords' }],
    ['an unknown stop after a step', 'entries/reporting.yaml', (s: string) => s.replace('related: [final-report]', 'related: [final-report]\n    steps: [{ title: { nl: Concept, en: Draft }, keywords: { nl: [concept] } }, { title: { nl: Rapport, en: Report }, keywords: { nl: [rapport] }, next: final-reprot }]'), { file: 'entries/reporting.yaml', entry: 'interim-report', field: 'steps[1].next' }],
    ['broken YAML', 'phases.yaml', (s: string) => `${s}\n  - id: [unclosed`, { file: 'phases.yaml' }],
    ['an unknown stop on the road', 'phases.yaml', (s: string) => s.replace('  - interim-report\n', '  - interim-raport\n'), { file: 'phases.yaml', entry: 'road', field: 'road[1]' }],
    ['a stop twice on the road', 'phases.yaml', (s: string) => s.replace('  - final-report\n', '  - partner-search\n'), { file: 'phases.yaml', entry: 'road', field: 'road[2]' }],
    ['an unknown entry after the road', 'phases.yaml', (s: string) => `${s}afterRoad: audits\n`, { file: 'phases.yaml', entry: 'road', field: 'afterRoad' }],
    ['an entry off the road as what is due at the project end', 'phases.yaml', (s: string) => `${s}atProjectEnd: distance-calculator\n`, { file: 'phases.yaml', entry: 'road', field: 'atProjectEnd' }],
    ['a stop of the road as what comes after it', 'phases.yaml', (s: string) => `${s}afterRoad: interim-report\n`, { file: 'phases.yaml', entry: 'road', field: 'afterRoad' }],
    ['an out-of-scope topic without keywords', 'out-of-scope.yaml', (s: string) => s.replace(/keywords:\n(?:      .*\n){2}/, 'keywords: {}\n'), { file: 'out-of-scope.yaml', entry: 'ka1-mobility', field: 'keywords' }],
    ['an out-of-scope link that is not https', 'out-of-scope.yaml', (s: string) => s.replace('https://www.erasmusplus.nl/nl/middelbaar-beroepsonderwijs', 'http://www.erasmusplus.nl'), { file: 'out-of-scope.yaml', entry: 'ka1-mobility', field: 'links[0].url' }],
  ])('names the file, entry and field of %s', (_label, file, edit, where) => {
    const { knowledge, problems } = inspectKnowledge(brokenCopy(file, edit));
    expect(knowledge).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining(where));
  });

  it('refuses to load, listing every problem in the error', () => {
    const dir = brokenCopy('entries/reporting.yaml', (s) => s.replace('related: [final-report]', 'related: [nope]'));
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(dir)).toThrow(/entries\/reporting.yaml › interim-report › related\[0\]: unknown entry "nope"/);
  });

  it('reports a missing directory instead of crashing', () => {
    const { problems } = inspectKnowledge(join(tmpdir(), 'no-such-knowledge-dir'));
    expect(problems.map((p) => p.file)).toEqual(['phases.yaml', 'glossary.yaml', 'out-of-scope.yaml', 'entries']);
    expect(problems.every((p) => p.message.startsWith('missing'))).toBe(true);
  });
});
