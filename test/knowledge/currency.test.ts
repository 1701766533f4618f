import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadDistanceData } from '../../src/distance/load.js';
import { checkCurrency, monthsBefore } from '../../src/knowledge/currency.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadDeadlines } from '../../src/notices/deadlines.js';

const knowledge = loadKnowledge('knowledge');
const deadlines = loadDeadlines(knowledge);
const travelTables = loadDistanceData('knowledge').travel.tables;
const check = (today: string) => checkCurrency({ knowledge, deadlines, travelTables, today });

describe('monthsBefore', () => {
  it.each([
    ['2026-12-01', 12, '2025-12-01'],
    ['2028-02-29', 12, '2027-02-28'],
    ['2027-03-31', 1, '2027-02-28'],
    ['2027-01-15', 2, '2026-11-15'],
  ])('%s minus %i months is %s', (day, months, expected) => {
    expect(monthsBefore(day, months)).toBe(expected);
  });
});

describe('the knowledge-currency check on the real knowledge', () => {
  it('today warns only about the provisional deadlines that have passed', () => {
    expect(check('2026-12-01').map((w) => `${w.file} › ${w.entry} › ${w.field}`)).toEqual([
      'deadlines.yaml › ka210-vet-2025-2 › provisional',
      'deadlines.yaml › ka210-vet-2026-2 › provisional',
    ]);
  });

  it('a year and more later, warns about every dated fact, each named by file, entry and field', () => {
    const warnings = check('2028-01-15');
    const dated =
      knowledge.entries.reduce((n, entry) => n + entry.sources.length + entry.notes.length, 0) + deadlines.length + travelTables.length;
    const stale = warnings.filter((w) => w.field.endsWith('checked'));
    expect(stale.length).toBe(dated);
    expect(stale).toContainEqual(expect.objectContaining({ file: 'entries/reporting.yaml', entry: 'final-report', field: 'sources[0].checked' }));
    expect(stale).toContainEqual(expect.objectContaining({ file: 'travel-support.yaml', entry: 'tables 2024', field: 'source.checked' }));
    const passed = warnings.filter((w) => w.field === 'provisional').map((w) => w.entry);
    expect(passed).toEqual(deadlines.filter((d) => d.provisional).map((d) => d.id));
  });

  it('counts a fact checked exactly twelve months ago as current', () => {
    const checked = deadlines[0]?.checked ?? '';
    const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const sameDayNextYear = `${Number(checked.slice(0, 4)) + 1}${checked.slice(4)}`;
    const on = check(sameDayNextYear).filter((w) => w.entry === deadlines[0]?.id && w.field === 'checked');
    const after = check(next(sameDayNextYear)).filter((w) => w.entry === deadlines[0]?.id && w.field === 'checked');
    expect([on.length, after.length]).toEqual([0, 1]);
  });
});

describe('npm run kb:check', () => {
  it('passes the knowledge and prints the facts to re-check', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kb-check.ts', '--today', '2026-12-01'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/knowledge: OK — 6 phases/);
    expect(run.stdout).toContain('2 facts to re-check (as of 2026-12-01)');
    expect(run.stdout).toContain('deadlines.yaml › ka210-vet-2025-2 › provisional: the provisional date 2025-10-01 has passed');
  });

  it('refuses a --today it cannot read', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kb-check.ts', '--today', 'tomorrow'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--today must be a date written YYYY-MM-DD');
  });
}, 60_000);
