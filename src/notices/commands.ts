// Reads the notices' commands in Dutch and English: `deadlines` (and "when is the deadline?"), `project …`,
// `subscribe`/`abonneer …`, `unsubscribe`/`opzeggen …` and `reminders`/`herinneringen …`. Text that only
// looks like a command (e.g. "project management", "subscribe to the newsletter") is left to the
// roadmap: `parseNoticeCommand` returns undefined for it.
import type { Lang } from '../knowledge/schema.js';
import { fold } from '../match/normalize.js';
import type { ProjectRecord, Topic } from '../storage/storage.js';
import { readDate } from './dates.js';
import { MAX_REMINDER_DAYS } from './reminders.js';

/** The project fields a command sets; unset ones keep their stored value. */
export type ProjectFields = Partial<Pick<ProjectRecord, 'start' | 'end' | 'interim' | 'finalReport' | 'name'>>;

/** Why a command could not be taken; each has a message in both languages (texts.ts). */
export type CommandProblem =
  | { code: 'BAD_DATE'; text: string }
  | { code: 'NO_SUCH_DAY'; text: string }
  | { code: 'BAD_REMINDERS' };

/** A deadline question about one action or call year: "when is the KA210 deadline in 2027?". */
export interface DeadlineFilter {
  /** The action code, e.g. KA210-VET. */
  action?: string;
  /** A call year, or the year after today's. */
  year?: number | 'next';
}

export type NoticeCommand =
  | { type: 'deadlines'; filter?: DeadlineFilter }
  | { type: 'project-show' }
  | { type: 'project-set'; fields: ProjectFields }
  | { type: 'project-remove' }
  | { type: 'subscribe'; topics: Topic[] }
  | { type: 'unsubscribe'; topics: Topic[] }
  | { type: 'reminders-show' }
  | { type: 'reminders-set'; days: number[] | 'default'; time: string | undefined }
  | { type: 'invalid'; problem: CommandProblem };

export interface ParsedCommand {
  command: NoticeCommand;
  /** The language the command's own words tell (abonneer → nl, subscribe → en), if any. */
  lang: Lang | undefined;
}

/** Maps a word to its value and, where the word tells it, the language. */
type Words<T> = Record<string, [T, Lang | undefined]>;

const COMMAND_WORDS: Words<'deadlines' | 'project' | 'subscribe' | 'unsubscribe' | 'reminders'> = {
  deadlines: ['deadlines', undefined],
  deadline: ['deadlines', undefined],
  project: ['project', undefined],
  subscribe: ['subscribe', 'en'],
  abonneer: ['subscribe', 'nl'],
  abonneren: ['subscribe', 'nl'],
  unsubscribe: ['unsubscribe', 'en'],
  opzeggen: ['unsubscribe', 'nl'],
  afmelden: ['unsubscribe', 'nl'],
  reminders: ['reminders', 'en'],
  reminder: ['reminders', 'en'],
  herinneringen: ['reminders', 'nl'],
  herinnering: ['reminders', 'nl'],
};

const TOPIC_WORDS: Words<Topic | 'all'> = {
  calls: ['calls', 'en'],
  call: ['calls', undefined],
  deadlines: ['calls', undefined],
  deadline: ['calls', undefined],
  oproep: ['calls', 'nl'],
  oproepen: ['calls', 'nl'],
  ka2: ['calls', undefined],
  ka220: ['calls', undefined],
  ka210: ['calls', undefined],
  project: ['project', undefined],
  projects: ['project', 'en'],
  milestones: ['project', 'en'],
  mijlpalen: ['project', 'nl'],
  projectmijlpalen: ['project', 'nl'],
  all: ['all', 'en'],
  both: ['all', 'en'],
  everything: ['all', 'en'],
  alles: ['all', 'nl'],
  beide: ['all', 'nl'],
  allebei: ['all', 'nl'],
};
const FILLERS = new Set(['to', 'for', 'the', 'on', 'me', 'us', 'this', 'channel', 'chat', 'and', 'op', 'de', 'het', 'voor', 'dit', 'kanaal', 'gesprek', 'van', 'en', 'vet']);

type ProjectField = 'start' | 'end' | 'interim' | 'finalReport' | 'name';
const PROJECT_WORDS: Words<ProjectField> = {
  start: ['start', 'en'],
  begin: ['start', undefined],
  from: ['start', 'en'],
  van: ['start', 'nl'],
  startdatum: ['start', 'nl'],
  begindatum: ['start', 'nl'],
  end: ['end', 'en'],
  eind: ['end', 'nl'],
  einde: ['end', 'nl'],
  einddatum: ['end', 'nl'],
  to: ['end', 'en'],
  until: ['end', 'en'],
  tot: ['end', 'nl'],
  't/m': ['end', 'nl'],
  '-': ['end', undefined],
  '–': ['end', undefined],
  interim: ['interim', 'en'],
  progress: ['interim', 'en'],
  voortgang: ['interim', 'nl'],
  tussenrapportage: ['interim', 'nl'],
  voortgangsrapportage: ['interim', 'nl'],
  final: ['finalReport', 'en'],
  eindrapport: ['finalReport', 'nl'],
  eindrapportage: ['finalReport', 'nl'],
  name: ['name', 'en'],
  naam: ['name', 'nl'],
};
const REMOVE_WORDS: Words<true> = { remove: [true, 'en'], delete: [true, 'en'], verwijder: [true, 'nl'], verwijderen: [true, 'nl'], wis: [true, 'nl'] };
const POSITIONAL: ProjectField[] = ['start', 'end', 'interim'];
/** Longest project name kept. */
const MAX_NAME_LENGTH = 100;

const DEADLINE_QUESTION = new RegExp(
  [
    '^(?:(when|what) (?:is|are) (?:the )?|(wanneer|wat) (?:is|zijn) (?:de )?)?',
    '(?:(?:next|upcoming|coming|volgende|eerstvolgende|komende) )?',
    '(?:(?:ka2|ka220|ka210|vet|call|erasmus\\+?) )*',
    '(?:deadlines?|closing dates?|sluitingsdatum|sluitingsdata)',
    '(?: (?:for|voor|van) (?:the |de )?(?:(?:ka2|ka220|ka210|vet|call|erasmus\\+?) ?)+)?$',
  ].join(''),
);

const ACTION_WORDS: Array<[RegExp, string]> = [
  [/\b(?:ka ?210(?:-vet)?|kleinschalige?(?: partnerschap(?:pen)?)?|small[- ]scale(?: partnerships?)?)\b/, 'KA210-VET'],
  [/\b(?:ka ?220(?:-vet)?|samenwerkingspartnerschap(?:pen)?|cooperation partnerships?)\b/, 'KA220-VET'],
];
const DEADLINE_WORD = /\b(?:deadlines?|sluitingsdat(?:um|a)|closing dates?|indiendatum|indiendata|indienronde|indienrondes|submission rounds?|uiterste (?:in)?(?:lever|dien)datum)\b/;
const ASKS_WHEN = /\b(?:when|wanneer|which date|what date|welke datum|welke dag|what day|datum|date)\b|^(?:wat|what) (?:is|zijn|are|was|were|waren)\b/;
const YEAR = /\b(20[2-9]\d)\b/;
const NEXT_YEAR = /\b(?:next year|volgend jaar|komend jaar|volgende jaar)\b/;
/** The words a bare deadline question may hold besides its action and year ("KA210 deadline 2027"). */
const BARE_WORDS = new Set(['de', 'het', 'the', 'for', 'voor', 'van', 'in', 'of', 'call', 'vet', 'ka2', 'erasmus', 'round', 'ronde', '1', '2', 'is', 'are', 'zijn']);

/**
 * A deadline question that names an action or a call year: "When is the KA210 deadline in 2027?",
 * "wanneer is de deadline voor KA220 volgend jaar". It must ask for a date (when, which date) or hold little
 * besides the action, the year and the deadline word, so "what if we miss the KA220 deadline" stays a question
 * for the roadmap.
 */
function parseDeadlineFilter(folded: string): ParsedCommand | undefined {
  if (!DEADLINE_WORD.test(folded)) return undefined;
  const action = ACTION_WORDS.find(([pattern]) => pattern.test(folded))?.[1];
  const year = NEXT_YEAR.test(folded) ? 'next' : ((match) => (match ? Number(match[1]) : undefined))(YEAR.exec(folded));
  if (action === undefined && year === undefined) return undefined;
  let rest = folded.replace(DEADLINE_WORD, ' ').replace(NEXT_YEAR, ' ').replace(YEAR, ' ');
  for (const [pattern] of ACTION_WORDS) rest = rest.replace(pattern, ' ');
  const bare = rest.split(/[^a-z0-9]+/).every((word) => word === '' || BARE_WORDS.has(word));
  if (!bare && !ASKS_WHEN.test(folded)) return undefined;
  const lang: Lang | undefined = /\b(?:wanneer|welke|volgend|komend|voor|de|het|is er)\b/.test(folded) ? 'nl' : /\b(?:when|which|what|next|the|for)\b/.test(folded) ? 'en' : undefined;
  const filter: DeadlineFilter = { ...(action ? { action } : {}), ...(year !== undefined ? { year } : {}) };
  return { command: { type: 'deadlines', filter }, lang };
}

/** Splits the words after the command word, keeping dates and times intact; case is kept for names. */
function words(rest: string): string[] {
  return rest
    .replace(/\btot en met\b/gi, 'tot')
    .split(/[\s,;]+/)
    .map((word) => word.replace(/[.?!:]+$/, ''))
    .filter((word) => word !== '');
}

function parseTopics(rest: string[]): { topics: Topic[]; lang: Lang | undefined } | undefined {
  const topics = new Set<Topic>();
  let lang: Lang | undefined;
  for (const word of fold(rest.join(' ')).split(' ')) {
    if (word === '' || FILLERS.has(word)) continue;
    const topic = TOPIC_WORDS[word];
    if (!topic) return undefined;
    lang ??= topic[1];
    if (topic[0] === 'all') ['calls', 'project'].forEach((t) => topics.add(t as Topic));
    else topics.add(topic[0]);
  }
  return { topics: topics.size === 0 ? ['calls', 'project'] : [...topics], lang };
}

function parseProject(rest: string[]): ParsedCommand | undefined {
  if (rest.length === 0) return { command: { type: 'project-show' }, lang: undefined };
  const lower = rest.map((word) => word.toLowerCase());
  const first = lower[0] ?? '';
  const remove = REMOVE_WORDS[first];
  if (rest.length === 1 && remove) return { command: { type: 'project-remove' }, lang: remove[1] };
  // Only a date or a field word makes it a command; "project management" is a question for the roadmap.
  const firstWord = PROJECT_WORDS[first];
  if (!firstWord && !/^\d/.test(first)) return undefined;
  if (firstWord && firstWord[0] !== 'name' && !/^\d/.test(lower[1] ?? '')) return undefined;

  const fields: ProjectFields = {};
  // Any field word tells the language, also when a date before it cannot be read.
  let lang: Lang | undefined = lower.map((word) => PROJECT_WORDS[word]?.[1]).find((hint) => hint !== undefined);
  let field: ProjectField | undefined;
  for (let i = 0; i < rest.length; ) {
    const keyword = PROJECT_WORDS[lower[i] ?? ''];
    if (keyword) {
      [field] = keyword;
      lang ??= keyword[1];
      i += 1;
      if (field === 'name') {
        // A name is shown in headers and cards: no markup characters, and short.
        const name = rest.slice(i).join(' ').replace(/[<>*_`~|]/g, '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
        fields.name = name === '' ? undefined : name;
        break;
      }
      continue;
    }
    const date = readDate(rest.slice(i));
    if (!date.ok) return { command: { type: 'invalid', problem: { code: date.reason === 'format' ? 'BAD_DATE' : 'NO_SUCH_DAY', text: date.text } }, lang };
    lang ??= date.lang;
    const target = field ?? POSITIONAL.find((slot) => fields[slot] === undefined);
    if (!target || target === 'name') return { command: { type: 'invalid', problem: { code: 'BAD_DATE', text: rest.slice(i, i + date.tokens).join(' ') } }, lang };
    fields[target] = date.day;
    field = undefined;
    i += date.tokens;
  }
  return { command: { type: 'project-set', fields }, lang };
}

function parseReminders(rest: string[]): ParsedCommand | undefined {
  if (rest.length === 0) return { command: { type: 'reminders-show' }, lang: undefined };
  const invalid: ParsedCommand = { command: { type: 'invalid', problem: { code: 'BAD_REMINDERS' } }, lang: undefined };
  const first = (rest[0] ?? '').toLowerCase();
  if (rest.length === 1 && (first === 'default' || first === 'standaard')) {
    return { command: { type: 'reminders-set', days: 'default', time: undefined }, lang: first === 'default' ? 'en' : 'nl' };
  }
  if (!/^\d/.test(first)) return undefined;
  const days: number[] = [];
  let time: string | undefined;
  for (const word of rest.map((w) => w.toLowerCase())) {
    if (['at', 'om', 'days', 'dagen', 'dag', 'day', 'en', 'and', 'uur', 'before', 'vooraf', 'van', 'tevoren'].includes(word)) continue;
    const clock = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(word);
    if (clock && time === undefined) {
      time = `${(clock[1] ?? '').padStart(2, '0')}:${clock[2] ?? ''}`;
      continue;
    }
    if (!/^\d{1,3}$/.test(word)) return invalid;
    days.push(Number(word));
  }
  const unique = [...new Set(days)].sort((a, b) => b - a);
  if (unique.length === 0 || unique.length > 6 || unique.some((d) => d > MAX_REMINDER_DAYS)) return invalid;
  return { command: { type: 'reminders-set', days: unique, time }, lang: undefined };
}

/** The notices command in `text`, or undefined when the text is not one (and belongs to the roadmap). */
export function parseNoticeCommand(text: string): ParsedCommand | undefined {
  const trimmed = text.trim();
  const folded = fold(trimmed);
  const filtered = parseDeadlineFilter(folded);
  if (filtered) return filtered;
  const question = DEADLINE_QUESTION.exec(folded);
  if (question) return { command: { type: 'deadlines' }, lang: question[1] ? 'en' : question[2] ? 'nl' : undefined };

  const [head = '', ...rest] = words(trimmed);
  const command = COMMAND_WORDS[fold(head)];
  if (!command) return undefined;
  const [name, lang] = command;
  const withLang = (parsed: ParsedCommand | undefined): ParsedCommand | undefined => parsed && { ...parsed, lang: lang ?? parsed.lang };
  switch (name) {
    case 'deadlines':
      return rest.length === 0 ? { command: { type: 'deadlines' }, lang } : undefined;
    case 'project':
      return withLang(parseProject(rest));
    case 'subscribe':
    case 'unsubscribe': {
      const topics = parseTopics(rest);
      return topics && { command: { type: name, topics: topics.topics }, lang: lang ?? topics.lang };
    }
    case 'reminders':
      return withLang(parseReminders(rest));
  }
}
