// The words around the conversation on a chat page (the web chat): the input and its label, the tabs,
// the language switch, the typing indicator and the inbox heading, in Dutch and English.
import type { Lang } from './knowledge/schema.js';
import type { FollowUp } from './reply.js';

const PAGE_TEXTS = {
  title: { nl: 'Erasmus+ mbo-assistent', en: 'Erasmus+ mbo assistant' },
  tagline: {
    nl: 'Stap voor stap door een KA2-partnerschap: stel je vraag in het Nederlands of Engels.',
    en: 'Step by step through a KA2 partnership: ask in Dutch or English.',
  },
  inputLabel: { nl: 'Je vraag', en: 'Your question' },
  placeholder: { nl: 'Bijvoorbeeld: hoe vind ik partners?', en: 'For example: how do I find partners?' },
  send: { nl: 'Verstuur', en: 'Send' },
  typing: { nl: 'De assistent typt…', en: 'The assistant is typing…' },
  chatTab: { nl: 'Chat', en: 'Chat' },
  roadTab: { nl: 'Stappenplan', en: 'Roadmap' },
  switchLang: { nl: 'English', en: 'Nederlands' },
  switchLangLabel: { nl: 'Switch to English', en: 'Schakel naar Nederlands' },
  shortcuts: { nl: 'Snel naar', en: 'Go to' },
  inbox: { nl: 'Berichten sinds je laatste bezoek', en: 'Messages since your last visit' },
  you: { nl: 'Jij', en: 'You' },
  bot: { nl: 'Assistent', en: 'Assistant' },
  newTab: { nl: '(opent in een nieuw tabblad)', en: '(opens in a new tab)' },
  roadInWords: { nl: 'Het stappenplan in woorden', en: 'The roadmap in words' },
  failed: { nl: 'Er ging iets mis. Probeer het zo nog eens.', en: 'Something went wrong. Please try again shortly.' },
  slowDown: { nl: 'Even rustig aan: probeer het over {seconds} seconden opnieuw.', en: 'Slow down a little: try again in {seconds} seconds.' },
  openChat: { nl: 'Open de Erasmus+ chat', en: 'Open the Erasmus+ chat' },
  closeChat: { nl: 'Sluit de chat', en: 'Close the chat' },
} as const satisfies Record<string, Record<Lang, string>>;

export type PageTextKey = keyof typeof PAGE_TEXTS;

/** Every page text in one language, for the page to show. */
export function pageTexts(lang: Lang): Record<PageTextKey, string> {
  return Object.fromEntries(Object.entries(PAGE_TEXTS).map(([key, value]) => [key, value[lang]])) as Record<PageTextKey, string>;
}

/** A shortcut on the page: a button that runs a command, or that asks an example question. */
export type PageShortcut = FollowUp | { label: string; text: string };

/** The page's shortcuts: everything the bot does, one click away. */
export function pageShortcuts(lang: Lang): PageShortcut[] {
  const en = lang === 'en';
  return [
    { label: en ? 'Help' : 'Hulp', action: 'cmd:help' },
    { label: en ? 'Roadmap' : 'Stappenplan', action: 'cmd:roadmap' },
    { label: en ? 'Tools' : 'Hulpmiddelen', action: 'cmd:tools' },
    { label: 'Deadlines', action: 'cmd:deadlines' },
    { label: en ? 'Distance Zwolle – Helsinki' : 'Afstand Zwolle – Helsinki', text: en ? 'distance Zwolle Helsinki' : 'afstand Zwolle Helsinki' },
    { label: en ? 'My project' : 'Mijn project', action: 'cmd:project' },
    { label: en ? 'Subscribe' : 'Abonneer', action: 'cmd:subscribe' },
    { label: en ? 'Reminders' : 'Herinneringen', action: 'cmd:reminders' },
  ];
}
