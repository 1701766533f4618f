// The bot's own sentences in Dutch and English. Knowledge texts live in knowledge/; these are the
// words around them.
import type { Lang } from './knowledge/schema.js';

const TEXTS = {
  notFound: {
    nl: 'Dat weet ik niet: het staat niet in de roadmap voor strategische partnerschappen in het mbo. Misschien zoek je een van deze onderwerpen?',
    en: "I don't know that: it is not in the roadmap for strategic partnerships in mbo. Perhaps you are looking for one of these topics?",
  },
  outOfScope: {
    nl: 'Dat valt buiten de KA2-roadmap (strategische partnerschappen in het mbo). {answer}',
    en: 'That is not part of the KA2 roadmap (strategic partnerships in mbo). {answer}',
  },
  greeting: {
    nl: 'Hoi! Ik ben de Erasmus+ mbo-assistent. Ik help je met je KA2-partnerschap, van het eerste idee tot de afsluiting: stel je vraag in gewone woorden, of kies hieronder.',
    en: "Hi! I'm the Erasmus+ mbo assistant. I help you with your KA2 partnership, from the first idea to the closing: ask in plain words, or pick below.",
  },
  thanks: {
    nl: 'Graag gedaan! Vraag gerust verder als je nog iets wilt weten over je KA2-partnerschap.',
    en: "You're welcome! Ask again any time you need something for your KA2 partnership.",
  },
  goodbye: {
    nl: 'Tot ziens, en succes met je project! Je kunt me altijd weer iets vragen.',
    en: 'Goodbye, and good luck with your project! You can ask me again any time.',
  },
  howAreYou: {
    nl: 'Prima, dank je! Ik ben de Erasmus+ mbo-assistent en help je met je KA2-partnerschap. Waar kan ik je mee helpen?',
    en: "Fine, thanks! I'm the Erasmus+ mbo assistant and I help you with your KA2 partnership. What can I do for you?",
  },
  chitchat: {
    nl: 'Daar ben ik niet goed in: ik weet alles over KA2-partnerschappen in het mbo, en verder weinig. Waar kan ik je daarmee helpen?',
    en: "I'm not much good at that: I know about KA2 partnerships in mbo, and little else. What can I do for you there?",
  },
  roadAfter: { nl: 'Na "{from}" komt:', en: 'After "{from}" comes:' },
  roadBefore: { nl: 'Vóór "{from}" komt:', en: 'Before "{from}" comes:' },
  roadFirst: { nl: 'De eerste stap van de roadmap:', en: 'The first step of the roadmap:' },
  roadLast: { nl: 'De laatste stap van de roadmap:', en: 'The last step of the roadmap:' },
  suggestions: {
    nl: 'Ik vond meer dan één onderwerp dat past. Welke bedoel je?',
    en: 'More than one topic fits. Which one do you mean?',
  },
  tooLong: {
    nl: 'Dat bericht is te lang voor mij (meer dan {max} tekens). Stel je vraag in een of twee zinnen.',
    en: 'That message is too long for me (over {max} characters). Please ask in a sentence or two.',
  },
  staleButton: {
    nl: 'Die knop werkt niet meer. Stel je vraag opnieuw of kies een onderwerp.',
    en: 'That button no longer works. Ask again or pick a topic.',
  },
  helpTitle: { nl: 'Zo werkt de Erasmus+ mbo-assistent', en: 'How the Erasmus+ mbo assistant works' },
  helpBody: {
    nl:
      'Ik help je stap voor stap met een Erasmus+ KA2-partnerschap voor het mbo: van het eerste idee tot de formele afsluiting. Stel je vraag in gewone woorden, in het Nederlands of Engels.\n' +
      '- **roadmap** of **stappenplan**: alle fases op een rij\n' +
      '- de naam van een fase, bijvoorbeeld **rapportage**: de stappen van die fase\n' +
      '- **tools** of **hulpmiddelen**: alle hulpmiddelen en documenten\n' +
      '- **help** of **hulp**: deze uitleg',
    en:
      'I guide you step by step through an Erasmus+ KA2 partnership for mbo: from the first idea to the formal closing. Ask in plain words, in Dutch or English.\n' +
      '- **roadmap**: all phases in order\n' +
      '- the name of a phase, for example **reporting**: the steps of that phase\n' +
      '- **tools**: every tool and document\n' +
      '- **help**: this explanation',
  },
  roadmapTitle: { nl: 'De roadmap: strategische partnerschappen voor het mbo', en: 'The roadmap: strategic partnerships for mbo' },
  roadmapIntro: {
    nl: 'Van projectidee tot formele afsluiting, in {count} fases. Kies een fase voor de stappen.',
    en: 'From project idea to formal closing, in {count} phases. Pick a phase to see its steps.',
  },
  toolsTitle: { nl: 'Hulpmiddelen en documenten', en: 'Tools and documents' },
  toolsIntro: {
    nl: 'Alle hulpmiddelen en documenten uit de roadmap. Vraag naar een ervan voor de uitleg en de link.',
    en: 'Every tool and document in the roadmap. Ask about one for the explanation and the link.',
  },
  nextStep: { nl: 'Volgende stap: {title}', en: 'Next step: {title}' },
  nextPhase: { nl: 'Volgende fase: {title}', en: 'Next phase: {title}' },
  previousPhase: { nl: 'Vorige fase: {title}', en: 'Previous phase: {title}' },
  wholeRoadmap: { nl: 'Hele roadmap', en: 'Whole roadmap' },
  source: {
    nl: 'Bron: roadmap "Strategische partnerschappen voor het mbo" (NA Erasmus+), blok {block}',
    en: 'Source: roadmap "Strategische partnerschappen voor het mbo" (Erasmus+ NA), block {block}',
  },
  sourceToday: {
    nl: 'Bron 2021–2027: {sources}. Roadmap: blok {block}',
    en: 'Source 2021–2027: {sources}. Roadmap: block {block}',
  },
  roadmapWording: { nl: '**In de roadmap 2014–2020:** {text}', en: '**In the 2014–2020 roadmap:** {text}' },
  noteChecked: { nl: '{text} (gecontroleerd op {date})', en: '{text} (checked on {date})' },
  // Labels around the parts of a reply, for every renderer.
  labelSince: { nl: 'Sinds 2021', en: 'Since 2021' },
  labelLinks: { nl: 'Links', en: 'Links' },
  labelPhase: { nl: 'Fase', en: 'Phase' },
  labelOpen: { nl: 'Bekijk', en: 'Open' },
  labelMore: { nl: 'Er is meer; vraag gericht door.', en: 'There is more; ask a narrower question.' },
  phasePosition: { nl: 'Fase {position} van {total}', en: 'Phase {position} of {total}' },
  moreItems: { nl: 'En nog {count}: vraag gericht door.', en: 'And {count} more: ask a narrower question.' },
  welcome: { nl: 'Welkom! Ik ben de Erasmus+ mbo-assistent.', en: 'Welcome! I am the Erasmus+ mbo assistant.' },
  somethingWrong: {
    nl: 'Sorry, er ging iets mis aan mijn kant. Probeer het zo nog eens.',
    en: 'Sorry, something went wrong on my side. Please try again in a moment.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXTS;

/** A table of sentences in both languages. */
export type TextTable = Record<string, Record<Lang, string>>;

/** A lookup for `table`: the sentence `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function createTexts<T extends TextTable>(table: T): (lang: Lang, key: keyof T, values?: Record<string, string | number>) => string {
  return (lang, key, values = {}) =>
    (table[key]?.[lang] ?? String(key)).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The core's own sentence `key` in `lang`. */
export const t = createTexts(TEXTS);
