// Reads a chat message as a person would before it is matched: a greeting, a self-introduction, the
// partner countries and the project's theme are context; the question is what counts. The message is
// split into parts, each with a role that tells the matcher how much its words weigh and whether a word
// that no entry explains counts against the match.

/** `focus`: the question itself. `context`: other sentences, which may still name the topic. `intro`: who is asking. `aside`: places and themes. */
export type PartRole = 'focus' | 'context' | 'intro' | 'aside';

export interface MessagePart {
  text: string;
  role: PartRole;
  /** For a capitalised word after "in" that might be a name: the role it has if the knowledge knows it as a topic (`in Mobility Tool+`). */
  ifTopic?: PartRole;
}

/** How much a word weighs in the ranking, by the role of its part. */
export const ROLE_WEIGHTS: Readonly<Record<PartRole, number>> = { focus: 1, context: 0.5, intro: 0.2, aside: 0 };

const GREETING =
  /^(?:(?:hoi|hallo|hai|hey|hi|hello|hiya|goedemorgen|goedemiddag|goedenavond|goeiemorgen|goeiedag|goedendag|dag|beste|dear|good\s+(?:morning|afternoon|evening|day)|morning|hi\s+there|hey\s+there|hello\s+there|allemaal|all|team|collega'?s|everyone|folks)\b[\s,!.:;-]*)+/i;

/** A sentence that says who is asking: "ik ben docent bij een ROC in …", "I'm the controller at …". */
const INTRO_START =
  /^(?:ik\s+ben|ik\s+werk|ik\s+geef|wij\s+zijn|we\s+zijn|i\s+am|i'?m|im|i\s+work|i\s+teach|i\s+coordinate|we\s+are|we'?re|my\s+name\s+is|mijn\s+naam\s+is|this\s+is)\b/i;
const INTRO_PLACE = /\b(?:bij|at|op|van|of|from|in|for|voor)\s+(?:een|an?|the|het|de|ons|onze|our)?\s*\S*\s*(?:mbo|roc|aoc|college|school|instelling|institution|afdeling|department|bureau|office|team|opleiding)/i;
/** Where an introduction goes on to say what happened: "… in Amersfoort en we hoorden net dat …". */
const INTRO_THEN = /,?\s+(?:en|and)\s+(?=(?:we|wij|ik|i|ons|onze|our|my|mijn)\s)/i;
const INTRO_HERE = /^[\w\s'-]{3,60}\bfrom\s+an?\s+[\w\s-]{3,40}\bhere\b/i;

/** Who asked the asker: "Mijn coördinator vraagt me …", "My manager asked us to …"; the rest of the sentence is the task. */
const ASKED_BY =
  /^(?:mijn|onze|de|my|our|the)\s+(?:[\p{L}'-]+\s+){1,2}?(?:vraagt|vroeg|wil|wilde|heeft\s+(?:me|mij|ons)\s+gevraagd|asks|asked|wants|wanted|has\s+asked|told)\s+(?:me|mij|ons|us)?\b/iu;

/** A sentence that names what the question is about: "Ik hoorde iets over een projectopzetformulier.", "Someone mentioned an impact tool." */
const TOPIC_LEAD =
  /^(?:(?:ik|we|wij)\s+(?:hoor|horen|hoorde|hoorden|heb\s+(?:iets\s+)?gehoord|hebben\s+(?:iets\s+)?gehoord|las|lazen|zag|zagen|kwam(?:en)?\s+.{0,30}\btegen)|(?:nu\s+|toen\s+|laatst\s+)?(?:hoor|hoorde|las|zag)\s+(?:ik|we)|(?:iemand|een\s+collega|collega'?s|mijn\s+[\p{L}-]+)\s+(?:noemde|noemden|zei|zeiden|had(?:den)?\s+het\s+over|vertelde|vertelden|wees\s+(?:me|mij|ons)\s+op)|er\s+(?:is|bestaat|schijnt|zou)\s+(?:blijkbaar\s+|toch\s+|ook\s+)?(?:iets|zoiets|een)|apparently\s+there(?:'s|\s+is)|(?:i|we)\s+(?:hear|heard|'ve\s+heard|have\s+heard|read|saw|came\s+across|keep\s+hearing)|(?:someone|somebody|a\s+colleague|colleagues|my\s+[\p{L}-]+)\s+(?:mentioned|told\s+(?:me|us)\s+about|talked\s+about|said|pointed\s+(?:me|us)\s+to)|there'?s\s+(?:apparently\s+)?(?:something|a\s+thing)\s+called)\b/iu;

/** What someone else asks, said as a statement: "My manager asks how we show that it is relevant." */
const ASKED_BY_WHAT = new RegExp(String.raw`${ASKED_BY.source}\s*(?:how|what|why|when|where|which|whether|if|hoe|wat|waarom|wanneer|waar|welke|of)\b`, 'iu');

/** A question said as a statement: "We'd like to know if something similar has been funded.", "Ik vraag me af of …" */
const ASKED_AS_STATEMENT =
  /\b(?:(?:i|we)(?:'d|\s+would)\s+(?:like|love)\s+to\s+know|(?:i|we)\s+(?:want|need)\s+to\s+know|(?:i|we)\s+(?:wonder|am\s+wondering|are\s+wondering|was\s+wondering|were\s+wondering)|(?:ik|we|wij)\s+(?:vraag|vragen)\s+(?:me|mij|ons)\s+af|(?:ik|we|wij)\s+(?:wil|willen|zou|zouden)\s+(?:graag\s+)?(?:willen\s+)?weten|(?:mijn|onze|my|our)\s+(?:vraag|question)\s+is)\b/iu;

/**
 * The project's theme: "een project over dementiezorg", "a proposal on inclusive hairdressing training", "een
 * partnerschap met België en Slovenië over slimme mobiliteit"; not a time ("an application on the last day").
 */
const THEME =
  /\b(?:project|projecten|projects|proposal|partnership|partnerschap|aanvraag|application|module|samenwerking|thema|theme)(?:\s+(?:met|with)\s+(?:(?:\p{Lu}[\p{L}'-]*|partners|scholen|schools|in|uit|from)(?:,\s*|\s+(?:en|and)\s+|\s+))+?)?\s*\b(?:on|over|about|rond|rondom|op\s+het\s+gebied\s+van|in\s+the\s+field\s+of)\s+(?!(?:the\s+|de\s+|het\s+)?(?:evening|morning|afternoon|night|day|last|final|deadline|time|avond|ochtend|middag|dag|laatste|tijd)\b)(.+?)(?=\s+(?:with|met|at|bij|for|voor|in|is|loopt|levert|finishes|has|and|en|but|maar|moet|moeten|wil|willen|kan|kunnen|mag|mogen|zal|zullen|heb|hebt|heeft|hebben|ben|zijn|gaat|gaan|wordt|worden|ik|we|wij|je|jullie|i|you|should|must|can|could|would|will|need|needs|want|wants|have|had|do|does|did|are|was|were)\b|[,.;:?!()]|$)/giu;
/** Partner countries and places: "met partners in Finland en Portugal", "with Belgian and German partners"; "I" after them is no place. */
const PLACES =
  /\b(?:partners?|scholen|schools|colleges?|instellingen)\s+(?:in|uit|from)\s+((?:(?!I\b|I')[A-Z][\p{L}'-]*(?:\s+(?!I\b|I')[A-Z][\p{L}'-]*)?(?:,\s*|\s+(?:en|and|of|or)\s+)?)+)/gu;
const IN_PLACE = /\b(?:in|uit|from|te|near|bij)\s+((?:Den\s+|De\s+|'s-)?(?!I\b|I')[A-Z][\p{L}'-]+(?:\s+(?!I\b|I')[A-Z][\p{L}'-]+)?)/gu;

/** A greeting, a thank-you or small talk with nothing else in it. */
export interface SmallTalk {
  act: 'greeting' | 'thanks' | 'goodbye' | 'how-are-you' | 'chitchat';
  /** The language the words themselves tell, when they do. */
  lang: 'nl' | 'en' | undefined;
}

const SMALL_TALK: Array<{ act: SmallTalk['act']; lang: SmallTalk['lang']; pattern: RegExp }> = [
  { act: 'thanks', lang: 'nl', pattern: /^(?:(?:heel\s+)?(?:erg\s+)?(?:bedankt|dank\s*je(?:\s+wel)?|dank\s*u(?:\s+wel)?|dankjewel|dankuwel|dank|top|super|fijn|mooi|prima|helder|duidelijk|ok[eé]?|oke|okay|oké|thnx|tx)(?:\s+(?:hoor|voor\s+je\s+hulp|voor\s+de\s+hulp|daarvoor|zo))*[\s!.,]*)+$/i },
  { act: 'thanks', lang: 'en', pattern: /^(?:(?:thanks?|thank\s+you|thx|ty|cheers|great|perfect|cool|nice|awesome|ok|okay|got\s+it)(?:\s+(?:so\s+much|a\s+lot|very\s+much|for\s+(?:the|your)\s+help|mate))*[\s!.,]*)+$/i },
  { act: 'goodbye', lang: 'nl', pattern: /^(?:(?:doei|dag|tot\s+ziens|tot\s+later|fijne\s+dag|fijn\s+weekend|groetjes|groet)[\s!.,]*)+$/i },
  { act: 'goodbye', lang: 'en', pattern: /^(?:(?:bye|goodbye|see\s+you|see\s+ya|have\s+a\s+(?:nice|good|great)\s+(?:day|weekend))[\s!.,]*)+$/i },
  { act: 'how-are-you', lang: 'nl', pattern: /^(?:hoe\s+gaat\s+(?:het|ie)(?:\s+met\s+(?:je|jou|u))?|alles\s+goed|hoe\s+is\s+het|ben\s+je\s+daar|wie\s+ben\s+jij|wat\s+ben\s+jij)[\s?!.,]*$/i },
  { act: 'how-are-you', lang: 'en', pattern: /^(?:how\s+are\s+you(?:\s+doing)?|how'?s\s+it\s+going|what'?s\s+up|are\s+you\s+there|who\s+are\s+you|what\s+are\s+you)[\s?!.,]*$/i },
  { act: 'chitchat', lang: 'nl', pattern: /^(?:(?:kun|kan|wil)\s+(?:je|jij|u)\s+(?:me\s+|mij\s+)?)?(?:(?:vertel|vertellen|weet\s+je)\s+(?:me\s+|mij\s+)?(?:eens\s+)?(?:een|nog\s+een)\s+(?:mop|grap|grapje|verhaal|gedicht)\b.*|(?:me\s+|mij\s+)?(?:eens\s+)?(?:een|nog\s+een)\s+(?:mop|grap|grapje|verhaal|gedicht)\s+vertellen\b.*|zeg\s+eens\s+iets\s+(?:leuks|grappigs)|ben\s+je\s+een\s+(?:robot|mens|bot))[\s?!.,]*$/i },
  { act: 'chitchat', lang: 'en', pattern: /^(?:(?:can|could|would|will)\s+you\s+)?(?:(?:tell|give)\s+(?:me|us)\s+(?:a|another)\s+(?:joke|story|poem)\b.*|say\s+something\s+funny|make\s+me\s+laugh|are\s+you\s+(?:a\s+)?(?:robot|human|bot|real))[\s?!.,]*$/i },
];

const GREETING_LANG: Record<string, 'nl' | 'en'> = {
  hoi: 'nl', hallo: 'nl', hai: 'nl', goedemorgen: 'nl', goedemiddag: 'nl', goedenavond: 'nl', goeiemorgen: 'nl', goeiedag: 'nl', goedendag: 'nl', dag: 'nl', beste: 'nl',
  hello: 'en', hi: 'en', hiya: 'en', dear: 'en', good: 'en', morning: 'en',
};

/** The message is only a greeting, a thank-you, a goodbye or "how are you": what it is and its language. */
export function readSmallTalk(text: string): SmallTalk | undefined {
  const trimmed = text.trim().replace(/[\p{Extended_Pictographic}\u200d\ufe0f]/gu, '').trim();
  if (trimmed === '') return undefined;
  const greeting = GREETING.exec(trimmed);
  const rest = greeting ? trimmed.slice(greeting[0].length).trim() : trimmed;
  const firstWord = greeting?.[0].trim().split(/[\s,!.]+/)[0]?.toLowerCase();
  const greetingLang = firstWord ? GREETING_LANG[firstWord] : undefined;
  if (rest === '') return greeting ? { act: 'greeting', lang: greetingLang } : undefined;
  const hit = SMALL_TALK.find((s) => s.pattern.test(rest));
  if (!hit) return undefined;
  return { act: greeting && hit.act === 'how-are-you' ? 'how-are-you' : hit.act, lang: hit.lang ?? greetingLang };
}

/**
 * A clause that says when, not what: "voordat we de aanvraag gaan schrijven", "once the project is running";
 * up to its comma when one follows ("Before we write a single line about welding with partners in Poland, …").
 */
const WHEN_CLAUSE =
  /(?:^|(?<=[,;]\s*)|\s)(?:voordat|nadat|zodra|wanneer\s+(?:we|ik|de|het)|als\s+(?:de|het|we|ik|onze|ons)|before|after|once|as\s+soon\s+as|when\s+(?:we|i|the|our))\b(?:(?:\s+[^\s,;?!.]+){1,16}\s*,\s*|(?:\s+[^\s,;?!.]+){1,6}(?:\s*,\s*)?)/gi;

/**
 * A question about "it" that what was said before names: "Can you explain what causes it and how to fix it?",
 * "Wat betekent dat voor ons?", "Hoe los ik dat op?"
 */
const POINTING_BACK = String.raw`(?:(?:can|could)\s+(?:you|someone|anyone)\s+(?:please\s+)?(?:explain|tell\s+me|help\s+me\s+understand)\s+)?(?:what\s+(?:causes|caused|does)\s+(?:it|this|that)(?:\s+mean)?|why\s+(?:it|this|that)\s+happens|how\s+(?:do\s+i|can\s+i|do\s+we|can\s+we|to)\s+(?:fix|solve|stop|prevent|get\s+rid\s+of)\s+(?:it|this|that|them))(?:\s+(?:for\s+us|for\s+me|and\s+how\s+to\s+(?:fix|solve|stop)\s+(?:it|this|that)))?|hoe\s+(?:los|verhelp|voorkom)\s+(?:ik|je|we|wij)\s+(?:dat|dit|het)(?:\s+op)?|wat\s+(?:is|zijn)\s+(?:daar|hier)\s+de\s+oorzaa?k(?:en)?\s+van|wat\s+betekent\s+(?:dat|dit|het)(?:\s+voor\s+(?:ons|mij))?`;

/** A question that names nothing itself and asks about what was said before it: "Any tips?", "Wat raad je aan?" */
const VAGUE_QUESTION = new RegExp(
  String.raw`^(?:(?:any|some|got\s+any|do\s+you\s+have\s+(?:any|some))\s+(?:tips|ideas|advice|suggestions|thoughts|help)|(?:tips|ideas|advice|suggestions|help)|what\s+(?:now|should\s+(?:i|we)\s+do|do\s+you\s+(?:suggest|recommend|advise))|(?:iemand\s+|heb\s+je\s+|heeft\s+iemand\s+)?(?:tips|ideeen|ideeën|advies|suggesties)|wat\s+(?:nu|moet\s+ik\s+doen|moeten\s+we\s+doen|raad\s+(?:je|jij|u)\s+(?:me\s+|ons\s+)?aan|helpt\s+(?:daar|er)(?:tegen)?\b[^?]{0,30})|${POINTING_BACK})\s*[?!.]*$`,
  'i',
);

/** Splits a message into its parts: the question sentences are the focus, the rest is context. */
export function readMessage(text: string): MessagePart[] {
  const withoutGreeting = text.trim().replace(GREETING, '');
  const sentences = splitSentences(withoutGreeting);
  const asked = sentences.filter((s) => s.endsWith('?'));
  const isIntro = (sentence: string): boolean => (INTRO_START.test(sentence) && INTRO_PLACE.test(sentence)) || INTRO_HERE.test(sentence);
  // When every question only asks about what came before ("Any tips?"), the statement just before it is the
  // question, and the rest is context; a message without a question mark is all question.
  const vague = asked.length > 0 && asked.every((s) => VAGUE_QUESTION.test(s));
  const questions = vague ? [...asked, ...asked.map((q) => sentences.slice(0, sentences.indexOf(q)).findLast((s) => !isIntro(s) && !s.endsWith('?'))).filter((s) => s !== undefined)] : asked;
  const parts: MessagePart[] = [];
  for (const sentence of sentences) {
    const intro = isIntro(sentence);
    const role: PartRole =
      intro && !sentence.endsWith('?')
        ? 'intro'
        : questions.length === 0 || questions.includes(sentence) || TOPIC_LEAD.test(sentence) || ASKED_AS_STATEMENT.test(sentence) || ASKED_BY_WHAT.test(sentence)
          ? 'focus'
          : 'context';
    // "Ik ben docent bij een ROC en we hoorden net dat …": who is asking, then what happened, which is context.
    const news = role === 'intro' ? INTRO_THEN.exec(sentence) : null;
    if (news) {
      parts.push(...splitAsides(sentence.slice(0, news.index), 'intro'), ...splitAsides(sentence.slice(news.index), 'context'));
      continue;
    }
    // The words that lead in to what the question is about, or say who asked, are not the topic.
    const lead = role === 'intro' ? undefined : (ASKED_BY.exec(sentence)?.[0] ?? TOPIC_LEAD.exec(sentence)?.[0]);
    if (lead) parts.push({ text: lead, role: 'intro' });
    parts.push(...splitAsides(lead ? sentence.slice(lead.length) : sentence, role));
  }
  return parts;
}

/** Sentences, cut after `.`, `!` or `?` and at line breaks; a colon before a question starts a new one. */
function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+|:\s+(?=(?:wat|hoe|waar|wanneer|welke|what|how|where|when|which|is|are|can|kan|mag|moet)\b)/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Takes the project's theme and the places out of a sentence as asides, and a clause of time as context. */
function splitAsides(sentence: string, role: PartRole): MessagePart[] {
  const asides: string[] = [];
  const clauses: string[] = [];
  let rest = sentence;
  if (role === 'focus') {
    const reduced = sentence.replace(WHEN_CLAUSE, (clause: string) => {
      clauses.push(clause);
      return ' ';
    });
    // A sentence that is all clause ("after the kick-off") keeps it as its question.
    if (/\p{L}{3,}/u.test(reduced.replace(/\b(?:wat|what|hoe|how|is|are|er|there|we|i|ik|de|the)\b/gi, ''))) rest = reduced;
    else clauses.length = 0;
  }
  const names: string[] = [];
  for (const [pattern, list] of [[THEME, asides], [PLACES, names], [IN_PLACE, names]] as const) {
    // "bij een mbo in Deventer": the place goes with its preposition, which is then no particle of a verb ("schrijf … in").
    rest = rest.replace(pattern, (whole: string, aside: string) => {
      list.push(aside);
      return pattern === IN_PLACE ? ' ' : whole.slice(0, whole.length - aside.length);
    });
  }
  return [
    { text: rest, role },
    ...clauses.map((clause): MessagePart => ({ text: clause, role: 'context' })),
    ...asides.map((aside): MessagePart => ({ text: aside, role: 'aside' })),
    ...names.map((name): MessagePart => ({ text: name, role: 'aside', ifTopic: role })),
  ];
}
