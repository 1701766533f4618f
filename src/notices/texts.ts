// The notices' own sentences in Dutch and English: lists, confirmations, notices and the messages for
// input the bot cannot take. Knowledge texts (what is needed, links) come from knowledge/.
import type { Lang } from '../knowledge/schema.js';
import { createTexts } from '../texts.js';

const TEXTS = {
  deadlinesTitle: { nl: 'Komende deadlines', en: 'Upcoming deadlines' },
  deadlinesIntro: {
    nl: 'KA220-VET (samenwerkingspartnerschappen) heeft één deadline per jaar, in de calls sinds 2022 in maart (sinds 2025 begin maart). KA210-VET (kleinschalige partnerschappen) heeft een ronde in maart; een tweede ronde in het najaar is niet voor het mbo bevestigd. De deadline is steeds om 12:00 uur Brusselse tijd. Voorlopige data staan erbij als voorlopig.',
    en: 'KA220-VET (cooperation partnerships) has one deadline a year, in March in the calls since 2022 (early March since 2025). KA210-VET (small-scale partnerships) has a round in March; a second round in the autumn is not confirmed for VET. Each deadline is at 12:00 Brussels time. Provisional dates are marked as such.',
  },
  focusTitle: { nl: 'Deadlines {label}', en: 'Deadlines {label}' },
  noFocusDeadlines: {
    nl: 'Voor {label} staat er geen deadline in mijn gegevens. Kijk op erasmusplus.nl voor de actuele data, of typ **deadlines** voor alle komende deadlines.',
    en: 'My data holds no deadline for {label}. See erasmusplus.nl for the current dates, or type **deadlines** for all upcoming deadlines.',
  },
  provisionalMark: { nl: '(voorlopig)', en: '(provisional)' },
  noDeadlines: {
    nl: 'Er staan nu geen komende deadlines in mijn gegevens. Kijk op erasmusplus.nl voor de actuele data.',
    en: 'My data holds no upcoming deadlines right now. See erasmusplus.nl for the current dates.',
  },
  daysLeft: { nl: 'nog {n} dagen', en: '{n} days left' },
  oneDayLeft: { nl: 'nog 1 dag', en: '1 day left' },
  dueToday: { nl: 'vandaag', en: 'today' },
  passed: { nl: 'voorbij', en: 'passed' },
  atTime: { nl: '{day}, {time} uur ({zone})', en: '{day}, {time} ({zone})' },
  provisional: {
    nl: 'Voorlopige datum: nog niet bevestigd door een call of het NA. Controleer de datum op erasmusplus.nl.',
    en: 'Provisional date: not yet confirmed by a call or the national agency. Check the date on erasmusplus.nl.',
  },
  noticesAt: { nl: 'Berichten: {days} om {time} uur', en: 'Notices: {days} at {time}' },
  noMoreNotices: { nl: 'Geen berichten meer vóór deze datum', en: 'No more notices before this date' },
  topicCalls: { nl: 'de deadlines van de call', en: 'the call deadlines' },
  topicProject: { nl: 'de mijlpalen van jullie project', en: "your project's milestones" },
  subscribedLine: {
    nl: 'Dit gesprek krijgt berichten over {topics}: {days} dagen vooraf, om {time} uur ({zone}).',
    en: 'This conversation is told about {topics}: {days} days before, at {time} ({zone}).',
  },
  notSubscribed: {
    nl: 'Dit gesprek krijgt nog geen berichten. Typ **abonneer** om op tijd te horen dat een deadline nadert.',
    en: 'This conversation gets no notices yet. Type **subscribe** to be told in time when a deadline comes near.',
  },
  subscribed: { nl: 'Geabonneerd op {topics}.', en: 'Subscribed to {topics}.' },
  alreadySubscribed: { nl: 'Dit gesprek was al geabonneerd op {topics}.', en: 'This conversation was already subscribed to {topics}.' },
  needsProject: {
    nl: 'Registreer jullie project met **project <startdatum> <einddatum>** om ook over de mijlpalen te horen, bijvoorbeeld **project 1-9-2025 31-8-2027**.',
    en: 'Register your project with **project <start date> <end date>** to hear about its milestones too, for example **project 1-9-2025 31-8-2027**.',
  },
  unsubscribed: { nl: 'Opgezegd: dit gesprek krijgt geen berichten meer over {topics}.', en: 'Unsubscribed: this conversation is no longer told about {topics}.' },
  notSubscribedTo: { nl: 'Dit gesprek had geen abonnement op {topics}.', en: 'This conversation was not subscribed to {topics}.' },
  remindersSet: { nl: 'Berichten gaan voortaan {days} dagen vooraf, om {time} uur ({zone}).', en: 'From now on, notices go {days} days before, at {time} ({zone}).' },
  remindersNow: {
    nl: 'Berichten gaan {days} dagen vooraf, om {time} uur ({zone}). Wijzig dat met bijvoorbeeld **herinneringen 14,3 om 08:30**.',
    en: 'Notices go {days} days before, at {time} ({zone}). Change that with, for example, **reminders 14,3 at 08:30**.',
  },
  badReminders: {
    nl: 'Dat kan ik niet lezen als herinneringen. Geef één tot zes aantallen dagen tussen 0 en 365, eventueel met een tijd, bijvoorbeeld **herinneringen 30,7,1** of **herinneringen 14,3 om 08:30**. **herinneringen standaard** zet ze terug op 30, 7 en 1 dag om 09:00.',
    en: 'I cannot read that as reminders. Give one to six numbers of days between 0 and 365, optionally with a time, for example **reminders 30,7,1** or **reminders 14,3 at 08:30**. **reminders default** sets them back to 30, 7 and 1 days at 09:00.',
  },
  projectTitle: { nl: 'Jullie project', en: 'Your project' },
  projectPeriod: { nl: 'Looptijd: {start} tot en met {end}', en: 'Runs from {start} to {end}' },
  projectSaved: { nl: 'Project opgeslagen.', en: 'Project saved.' },
  noInterim: {
    nl: 'Staat er in je subsidieovereenkomst een datum voor de voortgangs- of tussenrapportage? Voeg die toe met **project tussenrapportage <datum>**.',
    en: 'Does your grant agreement set a date for the progress or interim report? Add it with **project interim <date>**.',
  },
  noProject: {
    nl: 'Dit gesprek heeft nog geen project. Registreer het met **project <startdatum> <einddatum>**, bijvoorbeeld **project 1-9-2025 31-8-2027**. Voeg desgewenst de tussenrapportage uit je subsidieovereenkomst toe (**project tussenrapportage 15-3-2026**) en een naam (**project naam Groene vaardigheden**).',
    en: 'This conversation has no project yet. Register it with **project <start date> <end date>**, for example **project 1-9-2025 31-8-2027**. Optionally add the interim report date from your grant agreement (**project interim 15-3-2026**) and a name (**project name Green skills**).',
  },
  projectRemoved: { nl: 'Project verwijderd: er komen geen berichten meer over de mijlpalen.', en: 'Project removed: no more notices about its milestones.' },
  noProjectToRemove: { nl: 'Dit gesprek had geen project.', en: 'This conversation had no project.' },
  badDate: {
    nl: '"{text}" kan ik niet lezen als datum. Schrijf een datum als 2025-09-01, 1-9-2025, 1 september 2025 of 1 sep 2025.',
    en: 'I cannot read "{text}" as a date. Write a date as 2025-09-01, 1-9-2025, 1 september 2025 or 1 sep 2025.',
  },
  noSuchDay: { nl: '{text} bestaat niet als datum. Controleer dag, maand en jaar.', en: '{text} is not a date that exists. Check the day, month and year.' },
  missingDates: {
    nl: 'Geef een startdatum en een einddatum, bijvoorbeeld **project 1-9-2025 31-8-2027**.',
    en: 'Give a start date and an end date, for example **project 1-9-2025 31-8-2027**.',
  },
  endBeforeStart: {
    nl: 'De einddatum ({end}) ligt vóór de startdatum ({start}). Geef eerst de startdatum en dan de einddatum.',
    en: 'The end date ({end}) is before the start date ({start}). Give the start date first, then the end date.',
  },
  endInPast: {
    nl: 'De einddatum ({end}) ligt in het verleden. Voor een afgelopen project stuur ik geen berichten; controleer het jaar.',
    en: 'The end date ({end}) is in the past. I send no notices for a finished project; check the year.',
  },
  dateInPast: {
    nl: 'De datum voor de {what} ({day}) ligt in het verleden. Controleer de datum in je subsidieovereenkomst.',
    en: 'The date for the {what} ({day}) is in the past. Check the date in your grant agreement.',
  },
  interimOutside: {
    nl: 'De tussenrapportage ({day}) moet tussen de startdatum ({start}) en de einddatum ({end}) liggen.',
    en: 'The interim report ({day}) must fall between the start date ({start}) and the end date ({end}).',
  },
  finalBeforeEnd: {
    nl: 'De eindrapportage ({day}) kan niet vóór de einddatum ({end}) liggen.',
    en: 'The final report ({day}) cannot be due before the end date ({end}).',
  },
  interimWord: { nl: 'tussenrapportage', en: 'interim report' },
  finalWord: { nl: 'eindrapportage', en: 'final report' },
  noStorage: {
    nl: 'Abonnementen en projecten kan ik hier niet bewaren. Gebruik mij in Teams, Slack of **npm run chat**, of typ **deadlines** voor de komende deadlines.',
    en: 'I cannot keep subscriptions and projects here. Use me in Teams, Slack or **npm run chat**, or type **deadlines** for the upcoming deadlines.',
  },
  noticeDue: { nl: 'Uiterlijk {due}, {left}.', en: 'Due {due}, {left}.' },
  noticeNeeded: { nl: '**Wat je nodig hebt: {title}**', en: '**What you need: {title}**' },
  noticeLate: {
    nl: 'Dit bericht komt later dan gepland (het stond op {planned}).',
    en: 'This notice comes later than planned (it was due to go out on {planned}).',
  },
  noticeRepeat: { nl: '(herhaling, voor het geval je hem gemist hebt)', en: '(repeat, in case you missed it)' },
  whatDoINeed: { nl: 'Wat heb ik nodig?', en: 'What do I need?' },
  buttonDeadlines: { nl: 'Deadlines', en: 'Deadlines' },
  buttonSubscribe: { nl: 'Abonneren', en: 'Subscribe' },
  buttonUnsubscribe: { nl: 'Opzeggen', en: 'Unsubscribe' },
  buttonProject: { nl: 'Project', en: 'Project' },
} as const satisfies Record<string, Record<Lang, string>>;

export type NoticeTextKey = keyof typeof TEXTS;

/** The notices sentence `key` in `lang`, with `{name}` placeholders filled from `values`. */
export const nt = createTexts(TEXTS);

// British English, as the dates: no comma before the last "and".
const LISTS: Record<Lang, Intl.ListFormat> = {
  nl: new Intl.ListFormat('nl', { type: 'conjunction' }),
  en: new Intl.ListFormat('en-GB', { type: 'conjunction' }),
};

/** `30, 7 en 1` / `30, 7 and 1`. */
export function joinList(items: readonly string[], lang: Lang): string {
  return LISTS[lang].format(items);
}

/** `nog 7 dagen` / `7 days left`, `vandaag` / `today`, `voorbij` / `passed`. */
export function daysLeftText(days: number, lang: Lang): string {
  if (days < 0) return nt(lang, 'passed');
  if (days === 0) return nt(lang, 'dueToday');
  return days === 1 ? nt(lang, 'oneDayLeft') : nt(lang, 'daysLeft', { n: days });
}

const ZONE_NAMES: Record<string, Record<Lang, string>> = {
  'Europe/Brussels': { nl: 'Brusselse tijd', en: 'Brussels time' },
  'Europe/Amsterdam': { nl: 'Nederlandse tijd', en: 'Amsterdam time' },
};

/** A time zone as a reader says it. */
export function zoneName(zone: string, lang: Lang): string {
  return ZONE_NAMES[zone]?.[lang] ?? zone;
}
