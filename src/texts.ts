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
  roadAtProjectEnd: { nl: 'Als het project is afgelopen, komt:', en: 'Once the project has ended comes:' },
  roadAfterEnd: { nl: 'Met "{from}" eindigt de roadmap; daarna kan nog komen:', en: 'The road ends with "{from}"; what can still come after it:' },
  roadBefore: { nl: 'Vóór "{from}" komt:', en: 'Before "{from}" comes:' },
  roadAfterStep: { nl: 'Na "{from}" komt "{to}":', en: 'After "{from}" comes "{to}":' },
  roadBeforeStep: { nl: 'Vóór "{from}" komt "{to}":', en: 'Before "{from}" comes "{to}":' },
  roadPhaseAfter: { nl: 'Na de fase "{from}" komt de fase "{to}", die begint met:', en: 'After the phase "{from}" comes the phase "{to}", which starts with:' },
  roadPhaseBefore: { nl: 'Vóór de fase "{from}" komt de fase "{to}", die begint met:', en: 'Before the phase "{from}" comes the phase "{to}", which starts with:' },
  roadEarlier: { nl: 'Eerst komt "{first}":', en: '"{first}" comes first:' },
  roadNthStepOf: { nl: 'Stap {n} van "{of}" is "{step}":', en: 'Step {n} of "{of}" is "{step}":' },
  roadNthOf: { nl: 'Stap {n} van "{of}":', en: 'Step {n} of "{of}":' },
  roadFirstStepOf: { nl: 'De eerste stap van "{of}" is "{step}":', en: 'The first step of "{of}" is "{step}":' },
  roadLastStepOf: { nl: 'De laatste stap van "{of}" is "{step}":', en: 'The last step of "{of}" is "{step}":' },
  roadFirstOf: { nl: 'De eerste stap van "{of}":', en: 'The first step of "{of}":' },
  roadLastOf: { nl: 'De laatste stap van "{of}":', en: 'The last step of "{of}":' },
  applicantTrack: { nl: 'de projectaanvraag', en: 'the application' },
  impactTrack: { nl: 'de projectimpact', en: 'the project impact' },
  roadNth: { nl: 'Stap {n} van de roadmap:', en: 'Step {n} of the roadmap:' },
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
      'Ik help je stap voor stap met een Erasmus+ KA2-partnerschap voor het mbo, van het eerste idee tot de formele afsluiting. Stel je vraag in gewone woorden, in het Nederlands of het Engels, of typ een van deze opdrachten:\n' +
      '- **roadmap** of **stappenplan**: alle fases op een rij\n' +
      '- de naam van een fase, bijvoorbeeld **rapportage**: de stappen, documenten en bijeenkomsten van die fase\n' +
      '- **tools** of **hulpmiddelen**: alle hulpmiddelen en documenten\n' +
      '- **afstand Zwolle naar Helsinki**: de afstand met de afstandsband en de reiskostenvergoeding per deelnemer, zoals de afstandscalculator van de EU die berekent\n' +
      '- **deadlines**: de komende deadlines van de call\n' +
      '- **project 1-9-2025 31-8-2027**: jullie project met start- en einddatum, voor de mijlpalen; **project** laat het zien, **project tussenrapportage 15-3-2026** en **project naam …** vullen het aan, **project verwijder** wist het\n' +
      '- **abonneer**: berichten in dit gesprek als een deadline of mijlpaal nadert (**abonneer oproepen** of **abonneer project** voor één van beide); **opzeggen** stopt ze\n' +
      '- **herinneringen**: wanneer die berichten komen (standaard 30, 7 en 1 dag vooraf om 09:00); wijzig met **herinneringen 14,3 om 08:30**, terug met **herinneringen standaard**\n' +
      '- **help** of **hulp**: deze uitleg',
    en:
      'I guide you step by step through an Erasmus+ KA2 partnership for mbo, from the first idea to the formal closing. Ask in plain words, in Dutch or English, or type one of these commands:\n' +
      '- **roadmap**: all phases in order\n' +
      '- the name of a phase, for example **reporting**: the steps, documents and meetings of that phase\n' +
      '- **tools**: every tool and document\n' +
      '- **distance Zwolle to Helsinki**: the distance with its distance band and the travel support per participant, as the EU distance calculator works it out\n' +
      '- **deadlines**: the upcoming call deadlines\n' +
      '- **project 1-9-2025 31-8-2027**: your project with its start and end date, for its milestones; **project** shows it, **project interim 15-3-2026** and **project name …** add to it, **project remove** deletes it\n' +
      '- **subscribe**: notices in this conversation when a deadline or milestone comes near (**subscribe calls** or **subscribe project** for one of the two); **unsubscribe** stops them\n' +
      '- **reminders**: when those notices come (by default 30, 7 and 1 days before, at 09:00); change it with **reminders 14,3 at 08:30**, back with **reminders default**\n' +
      '- **help**: this explanation',
  },
  helpReport: {
    nl: '- **rapport**: voor beheerders (BOT_ADMINS): wat er gevraagd is en hoe de antwoorden vielen, alleen in een persoonlijk gesprek met mij',
    en: '- **report**: for admins (BOT_ADMINS): what people asked and how the answers did, only in a personal chat with me',
  },
  helpFeedback: {
    nl: 'Onder elk antwoord staan 👍 en 👎: zo zien de beheerders wat beter kan.',
    en: 'Every answer has 👍 and 👎: they show the admins what to improve.',
  },
  helpSlack: {
    nl: 'In Slack: stuur me een direct bericht, noem me in een kanaal (**@Erasmus mbo**, ik antwoord in een thread), of typ **/erasmus** met je vraag of opdracht (alleen jij ziet dat antwoord). Met **/erasmus abonneer** in een kanaal krijgt het hele kanaal de berichten.',
    en: 'In Slack: send me a direct message, mention me in a channel (**@Erasmus mbo**, I answer in a thread), or type **/erasmus** with your question or command (only you see that answer). **/erasmus subscribe** in a channel gives the whole channel the notices.',
  },
  helpTeams: {
    nl: 'In Teams: chat met me, of noem me in een kanaal (**@Erasmus+ mbo**). Typ je **abonneer** in een kanaal, dan krijgt het hele kanaal de berichten. In het berichtvak vind je me ook bij de apps, om een stap of de afstand in je bericht in te voegen.',
    en: 'In Teams: chat with me, or mention me in a channel (**@Erasmus+ mbo**). Type **subscribe** in a channel and the whole channel gets the notices. You also find me among the apps of the message box, to put a step or a distance into your message.',
  },
  helpConsole: {
    nl: 'In de terminal: typ het nummer van een keuze; een lege regel stopt. Abonnementen en je project bewaar ik in DATA_DIR; **npm run notices -- --at 2027-02-03T09:00** laat zien welke berichten er op dat moment komen.',
    en: 'In the terminal: type the number of a choice; an empty line quits. Subscriptions and your project are kept in DATA_DIR; **npm run notices -- --at 2027-02-03T09:00** shows which notices come at that moment.',
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
  backToPhase: { nl: 'Terug naar {title}', en: 'Back to {title}' },
  groupSteps: { nl: 'Stappen', en: 'Steps' },
  groupTips: { nl: 'Tips', en: 'Tips' },
  groupDocuments: { nl: 'Documenten en hulpmiddelen', en: 'Documents and tools' },
  groupMeetings: { nl: 'Bijeenkomsten', en: 'Meetings' },
  groupChecks: { nl: 'Controles', en: 'Checks' },
  groupLinks: { nl: 'Websites en links', en: 'Websites and links' },
  groupCount: { nl: '{group} ({count})', en: '{group} ({count})' },
  moreInPhase: { nl: 'Meer in deze fase', en: 'More in this phase' },
  moreOfGroup: { nl: 'Meer {group} (nog {count})', en: 'More {group} ({count} more)' },
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
  chooseNumber: { nl: 'Typ een nummer om te kiezen:', en: 'Type a number to choose:' },
  noSuchChoice: { nl: 'Keuze {n} bestaat niet; kies {range}.', en: 'There is no choice {n}; choose {range}.' },
  noChoices: {
    nl: 'Er valt hier niets te kiezen: stel een vraag of typ **help**.',
    en: 'There is nothing to choose here: ask a question or type **help**.',
  },
  consoleWelcome: {
    nl: 'Erasmus+ mbo-assistent: stel je vraag, typ **help** voor alle opdrachten, of een lege regel om te stoppen.',
    en: 'Erasmus+ mbo assistant: ask your question, type **help** for every command, or an empty line to quit.',
  },
  consoleData: { nl: 'Abonnementen en je project bewaar ik in {path}.', en: 'Subscriptions and your project are kept in {path}.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXTS;

/** A table of sentences in both languages. */
export type TextTable = Record<string, Record<Lang, string>>;

/** A lookup for `table`: the sentence `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function createTexts<T extends TextTable>(table: T): (lang: Lang, key: keyof T, values?: Record<string, string | number>) => string {
  // Each sentence is split once into its text and its placeholder names: odd parts are names.
  const parts = new Map<string, string[]>();
  const split = (template: string): string[] => {
    let found = parts.get(template);
    if (!found) parts.set(template, (found = template.split(/\{(\w+)\}/)));
    return found;
  };
  return (lang, key, values = {}) => {
    const template = table[key]?.[lang] ?? String(key);
    const pieces = split(template);
    if (pieces.length === 1) return template;
    let text = '';
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as string;
      text += i % 2 === 0 ? piece : piece in values ? String(values[piece]) : `{${piece}}`;
    }
    return text;
  };
}

/** The core's own sentence `key` in `lang`. */
export const t = createTexts(TEXTS);
