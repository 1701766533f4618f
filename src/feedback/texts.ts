// The sentences of answer feedback and the report in Dutch and English.
import type { Lang } from '../knowledge/schema.js';
import { createTexts } from '../texts.js';

const TEXTS = {
  prompt: { nl: 'Had je hier iets aan?', en: 'Was this helpful?' },
  up: { nl: '👍 Ja', en: '👍 Yes' },
  down: { nl: '👎 Nee', en: '👎 No' },
  saved: { nl: 'Bedankt, je feedback is opgeslagen.', en: 'Thank you, your feedback was saved.' },
  changed: { nl: 'Je oordeel is aangepast naar {vote}. Bedankt!', en: 'Your vote is now {vote}. Thank you!' },
  same: { nl: 'Dat had je al zo aangegeven; je feedback blijft opgeslagen.', en: 'You had already voted this way; your feedback stays saved.' },
  savedShared: {
    nl: 'Bedankt voor de feedback. Iedereen hier kan zijn eigen oordeel geven.',
    en: 'Thank you for the feedback. Everyone here can give their own.',
  },
  noStorage: { nl: 'Feedback kan hier niet worden opgeslagen.', en: 'Feedback cannot be saved here.' },
  notAdmin: {
    nl: 'Het rapport is alleen voor de beheerders van de kennis. Wil je het zien? Vraag de beheerder van de bot om je id toe te voegen aan BOT_ADMINS: {id}',
    en: 'The report is only for the people who keep the knowledge. Would you like to see it? Ask whoever runs the bot to add your id to BOT_ADMINS: {id}',
  },
  notOnWeb: {
    nl: 'Het rapport is er niet in de webchat. Beheerders van de kennis lezen het in Teams of Slack.',
    en: 'The report is not available in the web chat. The people who keep the knowledge read it in Teams or Slack.',
  },
  unverified: {
    nl: 'Het rapport vraagt een identiteit die het platform heeft bevestigd, en die heeft deze verbinding niet (Teams zonder MicrosoftAppId). Daarom laat ik het hier niet zien; wie de bot draait, leest het met `npm run report`.',
    en: 'The report needs an identity the platform vouched for, and this connection has none (Teams without MicrosoftAppId), so I do not show it here; whoever runs the bot can read it with `npm run report`.',
  },
  personalOnly: {
    nl: 'Het rapport citeert vragen van gebruikers, dus ik laat het alleen zien in een persoonlijk gesprek met mij. Typ daar **{word}**.',
    en: 'The report quotes what people asked, so I only show it in a personal chat with me. Type **{word}** there.',
  },
  reportTitle: { nl: 'Feedbackrapport', en: 'Feedback report' },
  reportIntro: {
    nl: 'Afgelopen {days} dagen, sinds {since}: **{total} vragen**, {answered} beantwoord, {low} met weinig zekerheid, {suggested} met een keuze uit onderwerpen, {declined} niet beantwoord. Oordelen: 👍 {up} · 👎 {down}.',
    en: 'Last {days} days, since {since}: **{total} questions**, {answered} answered, {low} with low confidence, {suggested} with a choice of topics, {declined} declined. Votes: 👍 {up} · 👎 {down}.',
  },
  entryLine: { nl: '- {title}: {questions} · 👍 {up} · 👎 {down}', en: '- {title}: {questions} · 👍 {up} · 👎 {down}' },
  question: { nl: '1 vraag', en: '1 question' },
  questions: { nl: '{n} vragen', en: '{n} questions' },
  otherEntries: { nl: 'Onderwerpen die niet meer in de kennis staan', en: 'Topics no longer in the knowledge' },
  noActivity: { nl: 'Nog geen vragen of oordelen in deze periode.', en: 'No questions or votes in this period yet.' },
  toAddTitle: { nl: 'Niet of matig beantwoord: top {n} om toe te voegen', en: 'Declined or weakly answered: top {n} to add' },
  toAddGroup: { nl: '**{rank}. Dichtst bij: {title}**: {count} (beste score {score})', en: '**{rank}. Nearest: {title}**: {count} (best score {score})' },
  nothingNear: { nl: 'niets in de kennis', en: 'nothing in the knowledge' },
  noneToAdd: { nl: 'Geen onbeantwoorde vragen in deze periode.', en: 'No declined or weakly answered questions in this period.' },
  unhelpfulTitle: { nl: 'Antwoorden die niet hielpen', en: 'Answers that did not help' },
  unhelpfulLine: { nl: '- {title}: 👎 {down} · 👍 {up}', en: '- {title}: 👎 {down} · 👍 {up}' },
} as const satisfies Record<string, Record<Lang, string>>;

/** `1 question`, `3 questions` / `1 vraag`, `3 vragen`. */
export function questionCount(n: number, lang: Lang): string {
  return n === 1 ? ft(lang, 'question') : ft(lang, 'questions', { n });
}

/** The feedback sentence `key` in `lang`, with `{name}` placeholders filled from `values`. */
export const ft = createTexts(TEXTS);
