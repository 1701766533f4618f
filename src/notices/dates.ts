// Calendar days for the notices: reading the dates people type (2025-09-01, 1-9-2025, 1 september 2025,
// 1 sep 2025, with Dutch and English month names), counting days in the configured time zone and
// writing dates in the reader's language. Days are `YYYY-MM-DD` strings; instants are `Date`s.
import { DateTime } from 'luxon';
import type { Lang } from '../knowledge/schema.js';

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ['januari', 'january', 'jan']],
  [2, ['februari', 'february', 'feb']],
  [3, ['maart', 'march', 'mrt', 'maa', 'mar']],
  [4, ['april', 'apr']],
  [5, ['mei', 'may']],
  [6, ['juni', 'june', 'jun']],
  [7, ['juli', 'july', 'jul']],
  [8, ['augustus', 'august', 'aug']],
  [9, ['september', 'sept', 'sep']],
  [10, ['oktober', 'october', 'okt', 'oct']],
  [11, ['november', 'nov']],
  [12, ['december', 'dec']],
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = month;

/** Month names that only one of the languages uses, to tell the language of a command. */
const DUTCH_ONLY = new Set(['januari', 'februari', 'maart', 'mrt', 'maa', 'mei', 'juni', 'juli', 'augustus', 'oktober', 'okt']);
const ENGLISH_ONLY = new Set(['january', 'february', 'march', 'mar', 'may', 'june', 'july', 'august', 'october', 'oct']);

/** A date read from user input, or why it could not be read. */
export type ParsedDate = { ok: true; day: string; tokens: number; lang?: Lang } | { ok: false; reason: 'format' | 'no-such-day'; text: string };

function toDay(year: number, month: number, day: number, text: string): ParsedDate {
  const parsed = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
  if (!parsed.isValid || year < 2000 || year > 2100) return { ok: false, reason: 'no-such-day', text };
  return { ok: true, day: parsed.toISODate() ?? '', tokens: 1 };
}

/**
 * Reads one date at the start of `tokens` (words split on spaces): `2025-09-01`, `1-9-2025`, or
 * `1 september 2025` / `1 sep 2025` (three tokens). Anything else is `format`; 31-2-2025 is `no-such-day`.
 */
export function readDate(tokens: readonly string[]): ParsedDate {
  const first = tokens[0] ?? '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(first);
  if (iso) return toDay(Number(iso[1]), Number(iso[2]), Number(iso[3]), first);
  const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(first);
  if (dmy) return toDay(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), first);
  const monthName = (tokens[1] ?? '').toLowerCase().replace(/\.$/, '');
  const year = tokens[2] ?? '';
  if (/^\d{1,2}$/.test(first) && MONTHS[monthName] !== undefined && /^\d{4}$/.test(year)) {
    const text = tokens.slice(0, 3).join(' ');
    const result = toDay(Number(year), MONTHS[monthName], Number(first), text);
    if (!result.ok) return result;
    const lang: Lang | undefined = DUTCH_ONLY.has(monthName) ? 'nl' : ENGLISH_ONLY.has(monthName) ? 'en' : undefined;
    return { ...result, tokens: 3, ...(lang ? { lang } : {}) };
  }
  // Show the user as much of what they typed as looks like one date.
  const text = /^\d{1,2}$/.test(first) ? tokens.slice(0, 3).join(' ') : first;
  return { ok: false, reason: 'format', text };
}

/** Reads a whole string as one date (and nothing else). */
export function parseDate(text: string): ParsedDate {
  const tokens = text.trim().split(/\s+/);
  const result = readDate(tokens);
  if (result.ok && result.tokens !== tokens.length) return { ok: false, reason: 'format', text: text.trim() };
  return result;
}

/** The calendar day of `instant` in `zone`. */
export function dayIn(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
}

const utcMs = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const MS_PER_DAY = 86_400_000;

/** `day` plus `days` (negative to go back), as a calendar day. Plain UTC arithmetic: no time zone is involved. */
export function addDays(day: string, days: number): string {
  return new Date(utcMs(day) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / MS_PER_DAY);
}

/** A calendar day as a number of days since 1970-01-01, for fast arithmetic in the scheduler's search. */
export function toDayNumber(day: string): number {
  return Math.round(utcMs(day) / MS_PER_DAY);
}

/** Minutes after midnight of `HH:MM`. */
export function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const instantCache = new Map<string, Map<number, number>>();

/**
 * Epoch milliseconds of `minutes` after local midnight on day number `dayNumber` in `zone`. Computed on
 * the calendar, so that 09:00 stays 09:00 across a daylight-saving change (never "due minus N × 24 h").
 * Memoised per zone: the scheduler asks for the same few days for thousands of subscriptions.
 */
export function localInstantMs(dayNumber: number, minutes: number, zone: string): number {
  let byZone = instantCache.get(zone);
  if (!byZone) {
    byZone = new Map();
    instantCache.set(zone, byZone);
  }
  const key = dayNumber * 1440 + minutes;
  let ms = byZone.get(key);
  if (ms === undefined) {
    ms = DateTime.fromObject(
      { year: 1970, month: 1, day: 1, hour: Math.floor(minutes / 60), minute: minutes % 60 },
      { zone },
    )
      .plus({ days: dayNumber })
      .toMillis();
    if (byZone.size > 100_000) byZone.clear();
    byZone.set(key, ms);
  }
  return ms;
}

/** The instant of `time` (HH:MM) local time on `day` in `zone`, DST-safe (see `localInstantMs`). */
export function localInstant(day: string, time: string, zone: string): Date {
  return new Date(localInstantMs(toDayNumber(day), toMinutes(time), zone));
}

const LOCALES: Record<Lang, string> = { nl: 'nl', en: 'en-GB' };

/** `vrijdag 5 maart 2027` / `Friday 5 March 2027`. */
export function formatDay(day: string, lang: Lang): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).setLocale(LOCALES[lang]).toFormat('cccc d MMMM yyyy');
}

/** `donderdag 25 maart 2027, 09:00` / `Thursday 25 March 2027, 09:00`: an instant in `zone`. */
export function formatInstant(instant: Date, zone: string, lang: Lang): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale(LOCALES[lang]).toFormat('cccc d MMMM yyyy, HH:mm');
}

/** `5 mrt` / `5 Mar`: a short form for lists of notice dates. */
export function formatShortDay(day: string, lang: Lang): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).setLocale(LOCALES[lang]).toFormat('d MMM');
}
