// The knowledge-currency check behind `npm run kb:check`: every dated fact (an entry's sources and notes, a
// call deadline, a travel-support table) whose `checked` day is more than a year old, and every provisional
// deadline whose day has passed. These are warnings for the people who keep the knowledge: the service
// still starts, but the facts need a new look at their source.
import type { CallDeadline } from '../notices/deadlines.js';
import type { TravelTable } from '../distance/schema.js';
import type { Knowledge } from './load.js';

/** A fact is stale once its last check is older than this many months. */
const STALE_AFTER_MONTHS = 12;

/** One thing to re-check, named like a knowledge problem: file, entry, field and what to do. */
export interface CurrencyWarning {
  file: string;
  entry: string;
  field: string;
  message: string;
}

export interface CurrencyInput {
  knowledge: Knowledge;
  deadlines: readonly CallDeadline[];
  travelTables: readonly TravelTable[];
  /** Today, YYYY-MM-DD. */
  today: string;
}

/** The day `months` months before `day` (YYYY-MM-DD), clamped to the month's last day. */
export function monthsBefore(day: string, months: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Every stale fact and passed provisional deadline, in file order. */
export function checkCurrency(input: CurrencyInput): CurrencyWarning[] {
  const { knowledge, deadlines, travelTables, today } = input;
  const limit = monthsBefore(today, STALE_AFTER_MONTHS);
  const warnings: CurrencyWarning[] = [];
  const stale = (checked: string, source: string): string => `last checked on ${checked}, more than ${STALE_AFTER_MONTHS} months ago: check it against ${source} and update \`checked\``;

  for (const entry of knowledge.entries) {
    const file = knowledge.entryFile.get(entry.id) ?? 'entries';
    entry.sources.forEach((source, i) => {
      if (source.checked < limit) warnings.push({ file, entry: entry.id, field: `sources[${i}].checked`, message: stale(source.checked, source.url) });
    });
    entry.notes.forEach((note, i) => {
      if (note.checked < limit) warnings.push({ file, entry: entry.id, field: `notes[${i}].checked`, message: stale(note.checked, note.source) });
    });
  }
  for (const deadline of deadlines) {
    if (deadline.checked < limit) warnings.push({ file: 'deadlines.yaml', entry: deadline.id, field: 'checked', message: stale(deadline.checked, deadline.source) });
    if (deadline.provisional && deadline.date < today) {
      warnings.push({
        file: 'deadlines.yaml',
        entry: deadline.id,
        field: 'provisional',
        message: `the provisional date ${deadline.date} has passed: confirm it from ${deadline.source} (then set provisional: false) or remove it`,
      });
    }
  }
  for (const table of travelTables) {
    if (table.source.checked < limit) {
      warnings.push({ file: 'travel-support.yaml', entry: `tables ${table.firstCall}`, field: 'source.checked', message: stale(table.source.checked, table.source.url) });
    }
  }
  return warnings;
}
