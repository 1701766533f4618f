// Road questions: "what is the first step", "what comes after X / wat komt er na X", "what do I do before
// Y", "what is the last step". They are answered from the order of the road (`road` in
// knowledge/phases.yaml): the step asked for, not the one the question names; within an entry that has
// steps of its own (`steps`), from their order (road-parts.ts).

/** What a road question asks for: the stop after or before the one it names, the first or last stop, or the earlier of two it names. */
export type RoadIntent = 'next' | 'previous' | 'first' | 'last' | 'earlier';

/**
 * The words of a question that asks for a step without naming one ("what should we do", "wat moet er
 * gebeuren"): a question word followed only by these is a road question when it says after or before what.
 */
const ASKS_FOR_A_STEP =
  String.raw`(?:what|wat)(?:'s)?(?:\s+(?:do|does|did|should|must|can|could|will|would|shall|have\s+to|has\s+to|need\s+to|needs\s+to|is|are|happen|happens|comes|still|left|remains|else|to\s+do|to\s+be\s+done|te\s+doen|follows|focus(?:\s+on)?|arrange|prepare|have\s+ready|bring|sort\s+out|be\s+(?:handed|turned|sent)\s+in|hand\s+in|be\s+submitted|think\s+(?:about|of)|take\s+care\s+of|be\s+done|done|best|i|we|you|they|then|now|next|first|moet|moeten|kan|kunnen|ga|gaan|doe|doen|zijn|wordt|staat|gebeurt|gebeuren|komt|volgt|regel|regelen|voorbereiden|klaarmaken|klaar\s+hebben|meenemen|hebben|gedaan|ingeleverd|ingediend|geregeld|er|ik|wij|je|jullie|dan|nu|het\s+beste|eerst|als\s+eerste|allemaal))+`;
/** "What should we do after the kick-off?", "Wat gebeurt er nadat we hebben ingediend?", "what now, once it's awarded?" */
const NEXT_BY_RELATION = new RegExp(String.raw`\b${ASKS_FOR_A_STEP}\s+(?:after|once|as\s+soon\s+as|nadat|na|zodra)\b`, 'i');
/** "What do we do when it is approved?", "Wat moeten we regelen als de aanvraag is goedgekeurd?" */
const NEXT_WHEN_DONE = new RegExp(
  String.raw`\b${ASKS_FOR_A_STEP}\s+(?:when|if|als|wanneer)\b((?:\s+[^\s?.!,]+){1,6}?\s+(?:approved|awarded|accepted|granted|submitted|finished|completed|done|signed|over|goedgekeurd|toegekend|ingediend|afgerond|afgelopen|beëindigd|ended|klaar|getekend|binnen|voorbij))\b`,
  'i',
);
/** "After the interim report, what should we focus on?", "Na de uitslag: wat doen we dan?" */
const NEXT_AFTER_CLAUSE = new RegExp(String.raw`^\s*(?:and\s+)?(?:after|once|as\s+soon\s+as|nadat|na|zodra)\b([^?]{2,90}?)[,:]\s*${ASKS_FOR_A_STEP}\s*(?:[?.!]|$|\s+(?:until|till|tot|then|dan|now|nu)\b)`, 'i');
/** "Can anything still come", "kan er dan nog iets komen": asks what is left, with after what said beside it. */
const ANYTHING_STILL = String.raw`(?:(?:kan|komt|volgt|gebeurt|is)\s+er\s+(?:dan\s+|daarna\s+|hierna\s+)?nog\s+(?:iets|wat)|(?:can|could|will|is)\s+there\s+(?:still\s+)?(?:be\s+)?(?:anything|something)(?:\s+(?:else|more))?|(?:can|could|will)\s+(?:anything|something)\s+(?:else\s+)?(?:still\s+)?(?:come|happen|follow))`;
/** "Na de formele afsluiting, kan er dan nog iets komen?", "After the closing, can anything still happen?" */
const ANYTHING_AFTER_CLAUSE = new RegExp(String.raw`^\s*(?:and\s+|en\s+)?(?:after|once|nadat|na|zodra)\b([^?]{2,90}?)[,:]\s*${ANYTHING_STILL}\b`, 'i');
/** "Is there anything after the final report?", "Komt er nog iets na de formele afsluiting?" */
const ANYTHING_AFTER = new RegExp(String.raw`\b${ANYTHING_STILL}\s+(?:else\s+)?(?:after|na|nadat)\b`, 'i');
/** "What do we have to arrange before the advice meeting?", "Wat moet er ingeleverd zijn voordat we afsluiten?" */
const PREVIOUS_BY_RELATION = new RegExp(String.raw`\b${ASKS_FOR_A_STEP}\s+(?:before|prior\s+to|ahead\s+of|voordat|vóór|voor\s+(?:we|ik|je|jullie)\b)`, 'i');
/** "Before we submit, what do we have to do?", "Voordat we gaan schrijven: wat moet er geregeld zijn?" */
const PREVIOUS_BEFORE_CLAUSE = new RegExp(String.raw`^\s*(?:and\s+)?(?:before|prior\s+to|voordat)\b([^?]{2,90}?)[,:]\s*${ASKS_FOR_A_STEP}\s*(?:[?.!]|$)`, 'i');

/** The project's end: "once the project has ended", "als het project afgelopen is", "at the end of the project", "alle activiteiten zijn klaar". */
const PROJECT_END =
  /\b(?:the|het|ons|our|onze)\s+project\s+(?:(?:has\s+|is\s+|was\s+)?(?:ended|finished|done|completed|afgelopen|afgerond|voorbij|beëindigd|(?:is\s+)?klaar)|(?:is|was)\s+over)\b|\b(?:end|einde|eind)\s+(?:of\s+the|van\s+het|of\s+our|van\s+ons)\s+project\b|\bproject\s+end\s+date\b|\beinddatum\s+van\s+het\s+project\b|\b(?:alle|all(?:\s+the)?)\s+(?:project\s*)?(?:activiteiten|activities)\s+(?:zijn|are|have\s+been)\s+(?:nu\s+|now\s+)?(?:klaar|afgerond|gedaan|voorbij|done|finished|completed|over)\b/i;
/** "The project ended last month, what do we still have to do?": a step asked for once the project has ended. */
const ASKED_AT_PROJECT_END = new RegExp(String.raw`(?:${PROJECT_END.source})[^?]{0,80}?\b${ASKS_FOR_A_STEP}\s*(?:[?.!]|$)`, 'i');
/** "What do we do at the end of the project?", "Wat moeten we doen aan het einde van het project?" */
const AT_PROJECT_END = new RegExp(String.raw`\b${ASKS_FOR_A_STEP}\s+(?:at|aan|by|bij|tegen)\s+(?:the\s+|het\s+)?(?:end|einde|eind)\s+(?=(?:of\s+the|van\s+het|of\s+our|van\s+ons)\s+project\b)`, 'i');
/** The kind of stop a road question asks for ("which report comes after …", "the next meeting"). */
export type RoadKind = 'report' | 'meeting';

const KIND_WORDS: Record<RoadKind, string> = {
  report: String.raw`(?:report|reports|reporting|rapport|rapporten|rapportage|rapportages|rapportagemoment|verslag|verslagen)`,
  meeting: String.raw`(?:meeting|meetings|session|sessions|bijeenkomst|bijeenkomsten)`,
};
const ANY_KIND = String.raw`(?:${KIND_WORDS.report}|${KIND_WORDS.meeting})`;
/** Asked for as a kind ("which report", "nog een rapportage", "the next meeting"), not named as a stop ("the interim report"). */
const ASKED_KIND = (words: string): RegExp =>
  new RegExp(String.raw`\b(?:which|what|another|next|welke|wat\s+voor|nog\s+een|volgende|eerstvolgende|andere)\s+(?:other\s+|kind\s+of\s+|soort\s+|more\s+)?(${words})\b`, 'i');
const KINDS: ReadonlyArray<[RoadKind, RegExp]> = (Object.keys(KIND_WORDS) as RoadKind[]).map((kind) => [kind, ASKED_KIND(KIND_WORDS[kind])]);
/** The kind that the words of a question that asks for one name ("is there a report before …"). */
const KIND_NAMED: ReadonlyArray<[RoadKind, RegExp]> = (Object.keys(KIND_WORDS) as RoadKind[]).map((kind) => [kind, new RegExp(String.raw`\b(${KIND_WORDS[kind]})\b`, 'i')]);
/**
 * "Is there a report we have to do before the final one?"; a plain "voor" is "before" when it ends the
 * question ("… voor het eindrapport?"), not in "regels voor het geld van zo'n project". Not "is there a session after the award …": the
 * sessions after a stop are not all on the road (the financial information meeting), so that one is left to the matcher.
 */
const KIND_BEFORE = new RegExp(
  String.raw`\b(?:is|are|komt|volgt)\s+(?:there|er)\s+(?:nog\s+|still\s+|also\s+|ook\s+)?(?:a|an|any|another|een|nog\s+een)\s+(?:other\s+|andere\s+)?${ANY_KIND}\b(?=[^?]*(?:\b(?:before|prior\s+to|vóór|voordat)\b|\bvoor\s+(?:de|het|ons|onze)\s+\S+(?:\s+\S+)?\s*\?))`,
  'i',
);
/** "What's the next reporting moment?", "Wanneer is de volgende rapportage?" */
const NEXT_KIND = new RegExp(String.raw`\b(?:what|which|when|wat|welke|wanneer)(?:'s|\s+is|\s+are|\s+zijn|\s+komt)?\s+(?:the\s+|our\s+|de\s+|het\s+|onze\s+|ons\s+)?(?:next|volgende|eerstvolgende)\s+${ANY_KIND}\b`, 'i');
/** "What's the next meeting after the kick-off?", "de volgende rapportage na …" */
const NEXT_KIND_AFTER = new RegExp(String.raw`\b(?:next|volgende|eerstvolgende)\s+${ANY_KIND}\s+(?=(?:after|na|nadat)\b)`, 'i');
/** "Is er na de kick-off nog een bijeenkomst?", "Is there, after the interim report, still another report?" */
const KIND_AFTER_NAMED = new RegExp(String.raw`\b(?:is|komt|volgt)\s+(?:er|there)\s+((?:na|after)\s+[^?]{2,60}?)\s+(?:nog|still|also|ook)\s+(?:een|a|an|another)\s+${ANY_KIND}\b`, 'i');
/** "Which report follows after the interim report?", "Welke rapportage volgt er nog na …", "Na de voortgangsrapportage, welke rapportage volgt er nog?" */
const KIND_FOLLOWS = new RegExp(
  String.raw`\b(?:which|what|welke)\s+${ANY_KIND}\s+(?:(?:of|from|van)\s+(?:the\s+|het\s+|de\s+)?\S+\s+)?(?:follows|follow|comes|come|is\s+next|are\s+next|volgt|volgen|komt|komen)\b(?!\s+(?:er\s+)?(?:before|voor|vóór|voordat|first|eerst)\b)(?:\s+(?:er|dan|nog|daarna|next|then|after\s+that))*`,
  'i',
);
/** "Which meeting comes before the kick-off?", "Welke bijeenkomst is er vóór de deadline?" */
const KIND_PRECEDES = new RegExp(
  String.raw`\b(?:which|what|welke)\s+${ANY_KIND}\s+(?:comes|is|happens|komt|is\s+er|gaat|vindt)\s+(?:er\s+)?(?=(?:before|voor|vóór|voordat)\b)`,
  'i',
);

/** The patterns that ask for a kind of stop in so many words. */
const ASKS_FOR_A_KIND: ReadonlySet<RegExp> = new Set([NEXT_KIND, KIND_FOLLOWS, KIND_PRECEDES, NEXT_KIND_AFTER, KIND_AFTER_NAMED, KIND_BEFORE]);

/** "Which step do we take after the info session?", "Welke stap moeten we zetten voor het indienen?" */
const STEP_TAKEN = (relation: string): RegExp =>
  new RegExp(String.raw`\b(?:which|what|welke)\s+(?:step|steps|stage|stap|stappen)\s+(?:do|should|must|can|zetten|nemen|moeten|kunnen)\s+(?:\S+\s+){0,3}?${relation}`, 'i');

const NEXT: readonly RegExp[] = [
  /\b(?:wat|welke)\s+(?:is|zijn|wordt)\s+(?:nu\s+)?(?:de|het|onze|mijn)?\s*(?:volgende|next)\s+(?:stap|stappen|fase|ding)\b/i,
  /\b(?:eerst)?volgende\s+(?:stap(?:pen)?|fase)\b/i,
  /\bwat\s+(?:komt|gebeurt|volgt)\s+(?:er\s+)?(?:nu\s+|dan\s+)?(?:daarna|hierna|daarop|vervolgens|na\b|tussen\b)/i,
  /\bwat\s+(?:moet|moeten|doe|doen|ga|gaan)\s+(?:ik|we|wij|je|jullie)\s+(?:nu\s+|dan\s+)?(?:daarna|hierna|vervolgens|na\b)/i,
  /\b(?:en\s+)?wat\s+nu\b/i,
  /\ben\s+dan\s*\??$/i,
  /\bnext\s+steps?\b/i,
  /\bwhat(?:'s|\s+is|\s+are)?\s+(?:the\s+)?next\b(?!\s+(?!step|steps|phase|thing|things|on\b|now\b|then\b|after\b|before\b|once\b|when\b)\w)/i,
  /\bwat\s+(?:komt|gebeurt|volgt)\s+(?:er\s+)?(?:nu|hierna|daarna|dan)\b/i,
  /\bwaar\s+(?:wachten|wacht)\s+(?:we|wij|ik|jullie)\s+(?:nu\s+|dan\s+|nog\s+)*op\b/i,
  /\bwhat\s+(?:are\s+we|am\s+i)\s+(?:now\s+)?waiting\s+for\b/i,
  /\bwhat\s+(?:happens|comes|follows)\s+(?:(?:right|directly|straight|immediately|just)\s+)?(?:next|now|then|after|between)\b/i,
  /\bwhat\s+(?:do|should|must|can)\s+(?:i|we)\s+(?:do\s+)?(?:next|now|after\s+that|afterwards)\b/i,
  // "What should we check next?", "what do we tackle next before we start writing?"
  /\bwhat\s+(?:do|should|must|can)\s+(?:i|we)\s+(?:[a-z]+\s+){1,2}?(?:next|afterwards)\b/i,
  /\bwhat\s+(?:do|should|must)\s+(?:i|we)\s+(?:need\s+to\s+)?(?:do|think\s+(?:through|about)|sort\s+out)\s+next\b/i,
  /\bwhat\s+now\b/i,
  /\bwat\s+(?:doe|doen|gebeurt|komt|zit|ligt|staat|moet|moeten)\s+(?:je|we|jullie|er|ik)?\s*(?:allemaal\s+|nog\s+)?(?:in\s+de\s+roadmap\s+|op\s+de\s+roadmap\s+)?tussen\b/i,
  /\bwhat\s+(?:do\s+(?:i|we|you)\s+(?:do|have\s+to\s+\w+|need\s+to\s+\w+)|(?:must|should)\s+(?:i|we|you)\s+\w+|happens|comes)\s+(?:in\s+)?between\b/i,
  /\b(?:which|what)\s+(?:step|steps|stage|phase)\s+(?:follows|comes\s+after|is\s+after)\b/i,
  STEP_TAKEN(String.raw`(?:after|following|na)\b`),
  /\b(?:the\s+)?(?:step|steps|stage|phase)\s+(?:after|following)\b/i,
  /\bwelke\s+(?:stap|stappen|fase)\s+(?:komt|komen|volgt|volgen)\s+(?:er\s+)?na\b/i,
  /\b(?:stap|stappen|fase)\s+(?:na|volgend\s+op)\b/i,
  /\bwat\s+(?:komt|volgt)\s+(?:er\s+)?op\b/i,
  /\bwhat\s+follows\b/i,
  /\bnow\s+what\b/i,
  /\bwhere\s+(?:do|should|can)\s+(?:we|i)\s+go\s+from\s+here\b/i,
  /\ben\s+nu\s*[?!.]*\s*$/i,
  /\bhoe\s+(?:gaat\s+het\s+)?(?:nu\s+|dan\s+)?verder\b/i,
  /\bhow\s+(?:does\s+it|do\s+(?:we|i))\s+(?:continue|go\s+on|proceed)\b/i,
  /\b(?:step|steps|stage|stap|stappen)\s+(?:in\s+)?(?:between|tussen)\b/i,
  // The whole message is "(and) after X?": "And after the kick-off?", "En na de uitslag?"
  /^\s*(?:and|en)\s+(?:after|na)\b(?=[^?.!]{2,60}\?\s*$)/i,
  NEXT_BY_RELATION,
  NEXT_WHEN_DONE,
  NEXT_AFTER_CLAUSE,
  ANYTHING_AFTER_CLAUSE,
  ANYTHING_AFTER,
  // After a statement of what is done: "Final report is in. Is there anything left to do?", "Zijn we dan klaar, of komt er nog iets?"
  new RegExp(String.raw`\b(?:${ANYTHING_STILL}|(?:is\s+there\s+)?anything\s+(?:else\s+)?left(?:\s+to\s+do)?)(?:\s+(?:after\s+that|afterwards|then|now|daarna|hierna|dan|nu))?\s*\?`, 'i'),
  /\b(?:zijn\s+we|are\s+we)\s+(?:dan\s+|then\s+)?(?:klaar|done|finished)\b(?=[^.!]*\?)/i,
  AT_PROJECT_END,
  ASKED_AT_PROJECT_END,
  KIND_FOLLOWS,
  NEXT_KIND_AFTER,
  KIND_AFTER_NAMED,
  NEXT_KIND,
];

const PREVIOUS: readonly RegExp[] = [
  /\bwhat\s+(?:do|should|must)\s+(?:i|we)\s+(?:need\s+to\s+|have\s+to\s+)?(?:do|arrange|sort\s+out|have\s+done|get)\s+(?:first\s+)?before\s+(?:i|we)\s+(?:can\s+)?\w+/i,
  /\bwat\s+(?:moet|moeten)\s+(?:ik|we|wij|je)\s+(?:eerst\s+)?(?:doen|regelen|geregeld\s+hebben|hebben)\s+(?:voordat|voor(?:dat)?\s+(?:ik|we|wij|je))\b/i,
  /\bwat\s+(?:gaat|komt)\s+(?:er\s+)?(?:aan\s+)?vooraf\b/i,
  /\bwhat\s+comes\s+before\b/i,
  /\b(?:which|what)\s+(?:step|steps|stage|phase)\s+(?:comes\s+before|precedes|is\s+before)\b/i,
  STEP_TAKEN(String.raw`(?:before|prior\s+to|vóór|voordat|voor\s+(?:het|de)\b)`),
  /\b(?:the\s+)?(?:step|steps|stage|phase)\s+(?:before|prior\s+to)\b/i,
  /\bwelke\s+(?:stap|stappen|fase)\s+(?:komt|komen|gaat|gaan)\s+(?:er\s+)?(?:vóór|voor(?!\s+stap))\b/i,
  /\b(?:stap|stappen|fase)\s+(?:vóór|voor(?!\s+stap))\s+(?:de|het|het\s+indienen|we|ik)\b/i,
  PREVIOUS_BY_RELATION,
  PREVIOUS_BEFORE_CLAUSE,
  KIND_PRECEDES,
  KIND_BEFORE,
];

const FIRST: readonly RegExp[] = [
  /\b(?:very\s+)?first\s+(?:step|thing|stage)\b/i,
  /\b(?:step|stap)\s+(?:one|1|één)\b/i,
  /\ballereerste\b/i,
  /\beerste\s+stap\b/i,
  /\bwaar\s+(?:begint|start)\s+(?:de\s+roadmap|het\s+traject|de\s+route|het\s+stappenplan|het)\b/i,
  /\bwhere\s+does\s+the\s+(?:roadmap|road|process)\s+(?:start|begin)\b/i,
  /\bwhat\s+do\s+(?:i|we)\s+(?:do|start\s+with)\s+first\b/i,
  /\bwat\s+(?:doe|doen|moet|moeten)\s+(?:ik|we|je)\s+(?:nu\s+|dan\s+)?(?:als\s+)?(?:aller)?eerst(?:e)?(?:\s+(?:doen|regelen))?\s*(?:[?,.!]|$)/i,
  /\bwhat\s+should\s+(?:i|we)\s+do\s+first\b/i,
  /\bwhat\s+(?:happens|comes)\s+first\b/i,
  /^\s*(?:so\s+)?(?:where|how)\s+(?:do|should|can)\s+(?:i|we|you)\s+(?:even\s+|actually\s+)?(?:start|begin|get\s+started)\b/i,
  /^\s*(?:waar|hoe)\s+(?:begin|start)\s+(?:ik|we|je|jullie)\b/i,
  /^\s*(?:waar|hoe)\s+(?:moet|moeten|kan|kunnen)\s+(?:ik|we|je|jullie)\s+(?:het\s+best(?:e)?\s+)?(?:mee\s+)?(?:beginnen|starten)\b/i,
];

/** "What is step two?", "de derde stap", "the 4th step": a stop counted from the first. */
const ORDINALS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, twee: 2, drie: 3, vier: 4, vijf: 5, second: 2, third: 3, fourth: 4, fifth: 5, tweede: 2, derde: 3, vierde: 4, vijfde: 5 };
const ORDINAL =
  /\b(?:step|stap)\s+(two|three|four|five|twee|drie|vier|vijf|[2-9])\b|\b(second|third|fourth|fifth|tweede|derde|vierde|vijfde|[2-9](?:nd|rd|th|e))\s+(?:step|stap|stage)\b/i;
const positionOf = (word: string): number => ORDINALS[word.toLowerCase()] ?? Number.parseInt(word, 10);

const LAST: readonly RegExp[] = [
  /\b(?:aller)?laatste\s+(?:stap|stappen)\b/i,
  /\b(?:very\s+)?(?:last|final)\s+(?:step|steps|stage|stages)\b/i,
  /\bwaar\s+eindigt\s+(?:de\s+roadmap|het\s+traject|de\s+route)\b/i,
  /\bwhere\s+does\s+the\s+(?:roadmap|road|process)\s+end\b/i,
  /\b(?:very\s+)?last\s+thing\s+(?:we|i|you)\s+(?:need|have|must|should)\s+to\s+do\b/i,
  /\bhet\s+(?:aller)?laatste\s+(?:wat|dat)\s+(?:we|wij|ik|je)\s+(?:moeten|moet)\s+doen\b/i,
];

/** "The last step before submitting": the stop before the one named, not the last of the road. */
const LAST_BEFORE = /\b(?:aller)?(?:laatste|last|final)\s+(?:stap|step|thing)\s+(?:(?:to\s+do|te\s+doen)\s+)?(?:voor|vóór|voordat|before|prior\s+to)\b/i;
/** "Wat moet je doen voordat je überhaupt begint met schrijven?", "before we even start": the start of the road, whatever it names. */
const BEFORE_EVEN = new RegExp(String.raw`\b${ASKS_FOR_A_STEP}\s+(?:before|voordat|voor)\s+(?:i|we|you|je|ik|wij|jullie)\s+(?:even|überhaupt|uberhaupt|ook\s+maar)\b[^?.!]*`, 'i');
/** "The first thing to do after the award": the stop after the one named, not the first of the road. */
const FIRST_AFTER = /\b(?:very\s+)?(?:first|eerste)\s+(?:stap|step|thing|ding)\s+(?:(?:to\s+do|te\s+doen|we\s+(?:do|should\s+do))\s+)?(?:after|once|na|nadat|zodra)\b/i;
/** "What comes first, the PIC or the application form?", "Wat komt eerst: X of Y?" */
const EARLIER: readonly RegExp[] = [
  // "Eerst de PIC of eerst het formulier?", "The PIC first or the form first?"
  /^\s*(?:eerst|first)\b(?=[^?]*\s(?:of|or)\s+(?:eerst|first)\b)/i,
  /^(?=[^?]*\bfirst\s+or\s+[^?]*\bfirst\s*\?)/i,
  /\b(?:what|which(?:\s+one)?)\s+(?:comes|is|happens|goes)\s+first\b(?=.*\bor\b)/i,
  /\bwat\s+(?:komt|is|gebeurt|gaat)\s+(?:er\s+)?(?:het\s+)?eerst\b(?=.*\bof\b)/i,
  // "Should I first go hunting for partners, or is there something to sort out inside the school?"
  /^\s*(?:so\s+|dus\s+)?(?:should|must|do|can|shall|moet|moeten|kan|kunnen|zal|zullen)\s+(?:i|we|ik|wij|we)\s+(?:eerst|first)\b(?=[^?]*,?\s+(?:or|of)\s)/i,
];

/** A road question: what it asks for, and the message without the words that ask it (what names the stop). */
export interface RoadQuestion {
  intent: RoadIntent;
  rest: string;
  /** "What happens between the application and the start?": the stop after the earlier of the two. */
  between?: boolean;
  /** "Which phase comes after the application?": the phase after or before the one named. */
  phase?: boolean;
  /** "What is the next step?" said of what is still missing ("we have no partners yet"): the missing thing. */
  missing?: string;
  /** "What's the next step, finding partners?": the step the asker proposes. */
  proposed?: string;
  /** "What do we do once the project has ended?": after the project's end date, not after a stop. */
  projectEnd?: boolean;
  /** "What is step two?": the place on the road counted from the first stop (0 is the first). */
  position?: number;
  /** "Which report comes after the interim report?": the nearest stop of that kind, not the next stop. */
  kind?: RoadKind;
  /** Of a message of several sentences, the one that asks, without the words that ask: the stop it names goes first. */
  asked?: string;
  /** The word that asks for the kind; it names the stop when the rest alone does not ("before the final one"). */
  kindWord?: string;
}

/** "What's the next step, finding partners?", "Is de volgende stap partners zoeken?": the step the asker proposes. */
const PROPOSED: readonly RegExp[] = [
  /\b(?:next\s+step|volgende\s+stap|eerstvolgende\s+stap)(?:\s+(?:then|dan|now|nu))?\s*[,:]\s*([^?.!,]{3,60}?)\s*\?/i,
  // A yes/no question of its own ("Is the next step …?"), not "What is the next step in the roadmap?".
  /(?:^|[.!?]\s+)(?:so\s+|dus\s+)?is\s+(?:the\s+next\s+step|de\s+(?:eerst)?volgende\s+stap)\s+(?:then\s+|dan\s+|now\s+|nu\s+)?(?:to\s+|om\s+)?([^?.!,]{3,60}?)\s*\?/i,
  /(?:^|[.!?]\s+)(?:so\s+|dus\s+)?is\s+([^?.!,]{3,60}?)\s+(?:then\s+|dan\s+|now\s+|nu\s+)?(?:the\s+next\s+step|de\s+(?:eerst)?volgende\s+stap)\b/i,
];
/** Not a missing thing: "no idea", "geen probleem". */
const NOT_MISSING = String.raw`(?!(?:idea|idee|clue|problem|probleem|worries|zorgen|haast|rush|time|tijd|zin)\b)`;
/** "nog geen partners", "no partners yet", "we don't have a PIC yet": what a next-step question says is still missing. */
const MISSING: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:nog\s+(?:steeds\s+|altijd\s+)?geen|nog\s+niet\s+(?:een|de)?|zonder)\s+${NOT_MISSING}((?:[^\s?.!,]+\s+){0,2}?[^\s?.!,]+)(?=\s*(?:[?.!,]|$|\s+(?:maar|en|dus|wat|hoe|heb|hebben|gevonden|geregeld)\b))`, 'i'),
  new RegExp(String.raw`\b(?:no|without(?:\s+(?:a|any))?|(?:don't|do\s+not|haven't|have\s+not)\s+(?:have|got|found)\s+(?:a|an|any)?(?:\s+single)?)\s+${NOT_MISSING}((?:[^\s?.!,]+\s+){0,2}?[^\s?.!,]+?)(?=\s+(?:lined\s+up\s+|sorted\s+|arranged\s+|in\s+place\s+|on\s+board\s+)?yet\b|\s*(?:[?.!,]|$))`, 'i'),
];


/**
 * A statement of what is behind the asker, before the question: "The kick-off is behind us.", "Kick-off
 * is gedaan", "We hebben het oriënterende gesprek gehad", "We zijn klaar met het dissemineren". The stop
 * it names is the one the next step follows, whatever else the question mentions.
 */
const DONE: readonly RegExp[] = [
  /(?:^|[.!?]\s+)(?:we|wij|ik)\s+(?:zijn|ben)\s+(?:nu\s+|net\s+|inmiddels\s+)?klaar\s+met\s+([^.!?]{2,80}?)(?=\s*[.!,\p{Extended_Pictographic}])/iu,
  /(?:^|[.!?]\s+)([^.!?]{2,100}?)\s+(?:is|are|has\s+been|have\s+been|has|have|was|were|got|just\s+got)\s+(?:just\s+|now\s+|finally\s+|officially\s+)?(behind\s+us|done|over|finished|completed|approved|accepted|awarded|submitted|signed|sent\s+in|ready|passed|closed|on\s+board|in\s+place|sorted|found|confirmed|in(?=\s*[.!])|in(?=\s+(?:the\s+system|the\s+beneficiary\s+module|mobility\s+tool\+?|mt\+)\s*[.!]))\b(?=[^?]*[.!\p{Extended_Pictographic}])/iu,
  /(?:^|[.!?]\s+)(?:we|i)(?:'ve|\s+have|'re|\s+are)?\s+(?:just\s+|now\s+|finally\s+|already\s+)?(?:had|done|finished|completed|(submitted|sent|signed)|held|got|received|found|wrapped\s+up|finished\s+with|done\s+with|looked\s+(?:through|at|into)|checked|explored)\s+([^.!?]{2,80}?)(?=\s+and\s+(?:nobody|no\s+one|none|nothing)\b|\s*[.!\p{Extended_Pictographic}])/iu,
  /(?:^|[.!?]\s+)([^.!?]{2,100}?)\s+(?:is|zijn|werd|werden)\s+(?:nu\s+|net\s+|inmiddels\s+|eindelijk\s+|officieel\s+)?(gedaan|geweest|af|klaar|voorbij|achter\s+de\s+rug|goedgekeurd|toegekend|ingediend|verstuurd|getekend|afgerond|gezet|geaccepteerd|verstreken|gepasseerd|gesloten|rond|binnen|gevonden|bevestigd|geregeld|geregistreerd)\b(?=[^?]*[.!\p{Extended_Pictographic}])/iu,
  // "I have our PIC now.", "We finally have a partner in Spain."
  /(?:^|[.!?]\s+)(?:we|i)\s+(?:(?:now|finally|already)\s+(?:have|'ve\s+got|have\s+got)\s+((?:our|the|a|an)\s+[^.!?]{1,40}?)|(?:have|'ve\s+got|have\s+got)\s+((?:our|the|a|an)\s+[^.!?]{1,40}?)\s+(?:now|at\s+last|finally|already))(?=\s*[.!])/iu,
  /(?:^|[.!?]\s+)(?:we|wij|ik)\s+(?:hebben|heb)\s+(?:nu\s+|net\s+|inmiddels\s+|eindelijk\s+)?([^.!?]{2,80}?)\s+(?:gehad|gedaan|afgerond|(ingediend|ingeleverd|verstuurd|getekend)|gehouden|bekeken|uitgezocht|gekregen|ontvangen|gevonden)\b(?=\s*[.!,\p{Extended_Pictographic}])/iu,
];
/** The words of a statement of what is done that name no stop ("is done", "is af"), unlike "approved" (the award). */
const DONE_ONLY = /^(?:behind\s+us|done|finished|completed|ready|on\s+board|in\s+place|sorted|found|confirmed|in|gedaan|geweest|af|klaar|achter\s+de\s+rug|afgerond|gezet|rond|binnen|gevonden|bevestigd|geregeld)$/i;

/** The words of a statement of what is done that name its stop, if the message makes one. */
function doneStop(text: string): string | undefined {
  for (const pattern of DONE) {
    const match = pattern.exec(text);
    if (match) return match.slice(1).filter((words): words is string => words !== undefined && !DONE_ONLY.test(words)).join(' ');
  }
  return undefined;
}

const PHASE = /\b(?:phase|phases|fase|fases)\b/i;

/** An application turned down or on the reserve list: no step follows on the road, the result itself answers. */
const NOT_AWARDED =
  /\b(?:rejected|turned\s+down|not\s+(?:been\s+)?(?:approved|funded|granted|selected|awarded)|afgewezen|niet\s+(?:goedgekeurd|toegekend|gehonoreerd|geselecteerd)|afwijzing|reservelijst|reserve\s+list|waiting\s+list|wachtlijst)\b/i;

const BETWEEN = /\b(?:tussen|between)\b/i;
const REPORTED = /\b(?:gerapporteerd|rapporteren|reported|report\s+on|to\s+report)\b/i;

/** The road question a message asks, if it asks one. */
export function readRoadQuestion(message: string): RoadQuestion | undefined {
  // "ná de kick-off": a stress accent is not another word.
  const text = message.replace(/(?<!\p{L})ná(?!\p{L})/giu, 'na');
  if (NOT_AWARDED.test(text)) return undefined;
  const ordinal = ORDINAL.exec(text);
  if (ordinal) return { intent: 'first', rest: text.replace(ORDINAL, ' '), position: positionOf(ordinal[1] ?? ordinal[2] ?? '') - 1 };
  for (const [intent, patterns] of [['earlier', EARLIER], ['previous', [LAST_BEFORE]], ['next', [FIRST_AFTER]], ['first', [BEFORE_EVEN]], ['last', LAST], ['next', NEXT], ['previous', PREVIOUS], ['first', FIRST]] as const) {
    const pattern = patterns.find((p) => p.test(text));
    if (!pattern) continue;
    const rest = withoutAsking(text, pattern);
    if (intent === 'next' && BETWEEN.test(text)) {
      const between = withKind({ intent, rest, between: true }, text, pattern);
      // "Wat moet er tussen de kick-off en het eindrapport gerapporteerd worden?": a report, asked for by its verb.
      return between.kind === undefined && REPORTED.test(text) ? { ...between, kind: 'report' } : between;
    }
    // "Where do I start when we have no partners yet?": the stop for what is missing.
    const missing = intent === 'first' ? firstCapture(MISSING, text) : undefined;
    if (missing) return { intent: 'next', rest, missing };
    // "Our KA210 got approved! What do we do first now?": the step after what is done, named by the words that say it.
    const done = intent === 'next' || intent === 'first' ? doneStop(text) : undefined;
    if (done !== undefined) return readNext(text, pattern, done);
    // "Ik wil een partnerschap aanvragen. Wat is de allereerste stap?": what is told before the question is no part of the road it asks about.
    if (intent !== 'next' && intent !== 'previous') return { intent, rest: intent === 'earlier' ? rest : askingSentence(text, pattern).replace(pattern, ' ') };
    if (PHASE.test(text)) return { intent, rest, phase: true };
    const question = intent === 'next' ? readNext(text, pattern, rest) : withKind({ intent, rest }, text, pattern);
    // "Wat moet ik doen voordat ik de eindrapportage indien? Moeten de resultaten online?": the sentence that asks names the stop first.
    const sentence = askingSentence(text, pattern);
    return intent !== 'previous' || sentence === text ? question : { ...question, asked: withoutAsking(sentence, pattern) };
  }
  return undefined;
}

/** `text` without the words that ask; a clause that names the stop ("After the interim report, what …") stays. */
function withoutAsking(text: string, pattern: RegExp): string {
  return text.replace(pattern, (_whole, clause: unknown) => ` ${typeof clause === 'string' ? clause : ''} `);
}

/** The sentence of `text` that `pattern` matches in. */
function askingSentence(text: string, pattern: RegExp): string {
  return text.split(/(?<=[.!?])\s+/).find((sentence) => pattern.test(sentence)) ?? text;
}

/** A question for the next step, with what it says is missing, proposes or asks for beside the stop its `rest` names. */
function readNext(text: string, pattern: RegExp, rest: string): RoadQuestion {
  const intent = 'next';
  const missing = firstCapture(MISSING, text);
  if (missing) return { intent, rest, missing };
  if (PROJECT_END.test(text)) return { intent, rest, projectEnd: true };
  const proposed = firstCapture(PROPOSED, text);
  if (proposed) return { intent, rest, proposed };
  return withKind({ intent, rest }, text, pattern);
}

/** What the first of `patterns` that matches captures. */
function firstCapture(patterns: readonly RegExp[], text: string): string | undefined {
  return patterns.map((pattern) => pattern.exec(text)?.[1]).find((words) => words !== undefined);
}

/** The kind of stop asked for, if one is, with its word: "before the final one" names the final report. */
function withKind(question: RoadQuestion, text: string, pattern: RegExp): RoadQuestion {
  const [kinds, words] = ASKS_FOR_A_KIND.has(pattern) ? [KIND_NAMED, pattern.exec(text)?.[0] ?? ''] : [KINDS, text];
  const asked = kinds.map(([kind, kindPattern]) => ({ kind, word: kindPattern.exec(words)?.[1] })).find((k) => k.word !== undefined);
  return asked ? { ...question, kind: asked.kind, kindWord: asked.word ?? '' } : question;
}

/**
 * The stop a road question asks for. `named` are the ids of the entries the message is about, best first:
 * for `next` and `previous` the first of them that is a stop is the one the question names; between two
 * stops, the earlier of the first two; for `earlier`, the best stop of each of two alternatives. With
 * `accepts`, the nearest stop in that direction that it accepts ("which report comes after …").
 */
export function resolveRoad(
  road: readonly string[],
  intent: RoadIntent,
  named: readonly string[],
  between = false,
  accepts: (id: string) => boolean = () => true,
): { target: string; from: string | undefined } | undefined {
  const first = road[0];
  const last = road.at(-1);
  if (intent === 'first') return first === undefined ? undefined : { target: first, from: undefined };
  if (intent === 'last') return last === undefined ? undefined : { target: last, from: undefined };
  const stops = named.filter((id) => road.includes(id));
  const [best, second] = stops;
  if (intent === 'earlier') {
    const earlier = stops.length === 2 && best !== second ? road.find((id) => stops.includes(id)) : undefined;
    return earlier === undefined ? undefined : { target: earlier, from: undefined };
  }
  if (best === undefined) return undefined;
  const from = between ? (road.find((id) => id === best || id === second) ?? best) : best;
  // The nearest stop in that direction that is of the kind asked for (any stop, unless a kind is asked).
  const step = intent === 'next' ? 1 : -1;
  let at = road.indexOf(from) + step;
  while (at >= 0 && at < road.length && !accepts(road[at] ?? '')) at += step;
  const target = road[at];
  return target === undefined ? undefined : { target, from };
}
