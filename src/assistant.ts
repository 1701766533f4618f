// The conversation core: turns a message or a button click into a Reply. Commands (help, roadmap, tools)
// come first, then a greeting, thank-you or small talk on its own, skills whose command is also a phase
// keyword (`report`), a phase's name, the other skills (distance, notices, …), then the roadmap matcher:
// a road question ("what comes after X") is answered from the order of the road, a near topic outside the
// roadmap gets where its answer is. What the matcher made of a question is reported to `onQuestion`
// (the question log). The conversation's language is kept here (see language.ts). The compose-box search
// is in search.ts.
import type { Conversation, Input } from './input.js';
import type { Knowledge } from './knowledge/load.js';
import type { Entry, Lang, OutOfScopeTopic } from './knowledge/schema.js';
import { createMemoryLanguageMemory, detectLanguage, type LanguageMemory } from './language.js';
import { DEFAULT_MATCH_OPTIONS, createMatcher, type Matcher, type MatchOptions } from './match/matcher.js';
import { readMessage, readSmallTalk, type MessagePart, type SmallTalk } from './match/message.js';
import { fold } from './match/normalize.js';
import { readRoadQuestion } from './road.js';
import { createRoadAnswerer } from './road-answer.js';
import { parseAction, type Action } from './actions.js';
import { feedbackButtons } from './feedback/actions.js';
import { answerFor, helpReply, phaseGroupReply, phaseReply, roadmapReply, toolsReply, type Presenter, createPresenter } from './present.js';
import { overviewFor, type Overview } from './overview.js';
import type { AnswerReply, OutOfScopeReply, Reply, SmallTalkReply } from './reply.js';
import { createSearch, type SearchResults } from './search.js';
import type { Skill } from './skill.js';
import { t } from './texts.js';

/** Candidates within this share of the best one's strength count as equally good. */
const TIE_RATIO = 0.95;
/** The sentence that answers each kind of small talk. */
const SMALL_TALK_TEXTS = { greeting: 'greeting', thanks: 'thanks', goodbye: 'goodbye', 'how-are-you': 'howAreYou', chitchat: 'chitchat' } as const satisfies Record<SmallTalk['act'], string>;

/** A near topic outside the roadmap wins when it is at least this share of the best entry's strength: its words are the more specific (an internal procedure, not the board's support). */
const OUT_OF_SCOPE_MARGIN = 0.85;
/** A near topic wins when words of the question that no roadmap entry has weigh this share of the best entry's strength. */
const OUT_OF_SCOPE_OWN_WORDS = 0.3;
/** The same when only the context of the message names the topic: the near topic must be the stronger. */
const OUT_OF_SCOPE_MARGIN_FROM_CONTEXT = 1;

/** Longest message the bot reads; longer ones get a polite request to shorten. */
export const MAX_QUESTION_LENGTH = 1000;

export interface Assistant {
  handle(input: Input): Promise<Reply>;
  /** Compose-box search (the Teams message extension): neutral hits for a query typed so far; changes nothing. */
  search(query: string, lang: Lang | undefined, conversation: Conversation): Promise<SearchResults>;
  /** The home view of the bot (Slack's App Home): help, how to ask, the phases and quick links. */
  overview(lang: Lang): Overview;
}

export interface AssistantOptions {
  knowledge: Knowledge;
  skills?: readonly Skill[];
  match?: Partial<MatchOptions>;
  /** Language when neither the text, the conversation nor the surface's locale tells; Dutch for Dutch schools. */
  defaultLang?: Lang;
  /** Where each conversation's language is kept; in this process when not given. */
  languages?: LanguageMemory;
  /** Answers carry 👍/👎 buttons (when a skill stores the votes). */
  feedback?: boolean;
  /** Told what the matcher made of every typed question that reached it; handles its own failures. */
  onQuestion?: (event: QuestionEvent) => void | Promise<void>;
}

/** What the roadmap matcher made of a typed question. */
export interface QuestionEvent {
  input: Input;
  /** The question as the matcher read it (trimmed, spaces collapsed). */
  text: string;
  lang: Lang;
  outcome: 'answered' | 'suggested' | 'declined' | 'out-of-scope';
  /** The entry answered, for `answered`. */
  entryId: string | undefined;
  /** The nearest entries, best first, with the matcher's confidence. */
  candidates: Array<{ entryId: string; confidence: number }>;
}

type Command = 'help' | 'roadmap' | 'tools';

/** Command words; `lang` is set where the word itself tells the language. */
const COMMANDS: Record<string, { command: Command; lang?: Lang }> = {
  help: { command: 'help', lang: 'en' },
  hulp: { command: 'help', lang: 'nl' },
  '?': { command: 'help' },
  menu: { command: 'help' },
  roadmap: { command: 'roadmap' },
  stappenplan: { command: 'roadmap', lang: 'nl' },
  overzicht: { command: 'roadmap', lang: 'nl' },
  overview: { command: 'roadmap', lang: 'en' },
  fases: { command: 'roadmap', lang: 'nl' },
  phases: { command: 'roadmap', lang: 'en' },
  tools: { command: 'tools' },
  hulpmiddelen: { command: 'tools', lang: 'nl' },
};

/** Creates the assistant over validated knowledge. */
export function createAssistant(options: AssistantOptions): Assistant {
  const { knowledge } = options;
  const matchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options.match };
  const matcher = createMatcher(knowledge, matchOptions.weights);
  const skills = options.skills ?? [];
  const presenter: Presenter = createPresenter(knowledge);
  const defaultLang = options.defaultLang ?? 'nl';

  const phaseByName = new Map<string, string>();
  for (const phase of knowledge.phases) {
    for (const lang of ['nl', 'en'] as const) {
      phaseByName.set(fold(phase.title[lang]), phase.id);
      for (const keyword of phase.keywords[lang]) phaseByName.set(fold(keyword), phase.id);
    }
    phaseByName.set(fold(phase.id), phase.id);
  }

  const languages = options.languages ?? createMemoryLanguageMemory();
  const textLanguage = (text: string): Lang | undefined => detectLanguage(text, (words) => matcher.detectLanguage(words));
  const languageOf = (text: string, fallback?: Lang): Lang => textLanguage(text) ?? fallback ?? defaultLang;
  const answer = (entry: Entry, lang: Lang, score: number): AnswerReply => {
    const reply = answerFor(presenter, entry, lang, score);
    return options.feedback ? { ...reply, feedback: feedbackButtons(entry.id, lang) } : reply;
  };
  const earlySkills = skills.filter((skill) => skill.early);
  const laterSkills = skills.filter((skill) => !skill.early);

  const help = (input: Input, lang: Lang): Reply => helpReply(presenter, lang, { platform: input.conversation.platform, feedback: options.feedback === true });

  const runAction = (action: Action, lang: Lang, input: Input): Reply | undefined => {
    switch (action.type) {
      case 'entry': {
        const entry = knowledge.entryById.get(action.id);
        return entry && answer(entry, lang, 1);
      }
      case 'phase': {
        const phase = knowledge.phaseById.get(action.id);
        if (!phase) return undefined;
        return action.group === undefined ? phaseReply(presenter, phase, lang) : phaseGroupReply(presenter, phase, lang, action.group, action.offset);
      }
      case 'command':
        return action.command === 'help'
          ? help(input, lang)
          : action.command === 'roadmap'
            ? roadmapReply(presenter, lang)
            : action.command === 'tools'
              ? toolsReply(presenter, lang)
              : undefined;
      case 'other':
        return undefined;
    }
  };

  const smallTalkReply = (talk: SmallTalk, lang: Lang): SmallTalkReply => {
    const key = SMALL_TALK_TEXTS[talk.act];
    return { kind: 'smalltalk', lang, text: t(lang, key), followUps: presenter.starterOptions(lang) };
  };
  const outOfScopeReply = (topic: OutOfScopeTopic, lang: Lang): OutOfScopeReply => ({
    kind: 'out-of-scope',
    lang,
    topicId: topic.id,
    title: topic.title[lang],
    text: t(lang, 'outOfScope', { answer: topic.answer[lang] }),
    links: topic.links.map((link) => ({ label: link.label[lang], url: link.url, kind: link.kind })),
    followUps: presenter.starterOptions(lang),
  });
  const namesSomething = (parts: readonly MessagePart[]): boolean => {
    const found = matcher.match(parts, 1);
    return found.candidates.length > 0 || found.outOfScope !== undefined;
  };
  const roadAnswer = createRoadAnswerer({ knowledge, matcher, threshold: matchOptions.threshold, answer });

  const answerQuestion = async (input: Input, text: string, lang: Lang): Promise<Reply> => {
    const parts = readMessage(text);
    const result = matcher.match(parts, 5);
    const { candidates } = result;
    const best = candidates[0];
    const report = async (outcome: QuestionEvent['outcome'], entryId?: string): Promise<void> => {
      if (!options.onQuestion) return;
      const nearest = candidates.map((c) => ({ entryId: c.entry.id, confidence: c.confidence }));
      await options.onQuestion({ input, text, lang, outcome, entryId, candidates: nearest });
    };
    // A near topic outside the roadmap goes first, also when asked as a road question ("what comes after
    // the KA1 application?").
    const topic = result.outOfScope;
    // When the question itself names nothing ("Hoe pak ik dat aan?"), the topic comes from the context,
    // where words of school life (the director, the school) are not yet a question about them.
    const focus = parts.filter((part) => part.role === 'focus');
    // A message that is all question names the topic itself: no second match needed.
    const margin = topic && (focus.length === parts.length || namesSomething(focus)) ? OUT_OF_SCOPE_MARGIN : OUT_OF_SCOPE_MARGIN_FROM_CONTEXT;
    // Words of the question that only the near topic has ("vakantiedagen") tell for it, whatever else fits.
    const ownWords = topic !== undefined && topic.exclusive > 0 && topic.exclusive >= (best?.strength ?? 0) * OUT_OF_SCOPE_OWN_WORDS;
    if (topic && topic.confidence >= matchOptions.threshold && (ownWords || !best || best.confidence < matchOptions.threshold || topic.strength > best.strength * margin)) {
      await report('out-of-scope');
      return outOfScopeReply(topic.topic, lang);
    }
    const road = readRoadQuestion(text);
    const roadReply = road ? roadAnswer(road, lang) : undefined;
    if (roadReply) {
      await report('answered', roadReply.entryId);
      return roadReply;
    }
    if (!best || best.confidence < matchOptions.threshold) {
      await report('declined');
      const closest = presenter.options(candidates.map((c) => c.entry), lang, 4);
      const options = closest.length > 0 ? closest : presenter.starterOptions(lang);
      return { kind: 'not-found', lang, text: t(lang, 'notFound'), options, ...(best ? { score: Math.round(best.confidence * 1000) / 1000 } : {}) };
    }
    // Several entries fit about equally well (a question of one broad word): let the user choose.
    const close = candidates.filter((c) => c.strength >= best.strength * TIE_RATIO && c.confidence >= matchOptions.threshold);
    if (close.length >= 3) {
      await report('suggested');
      return { kind: 'suggestions', lang, text: t(lang, 'suggestions'), options: presenter.options(close.map((c) => c.entry), lang, 4) };
    }
    await report('answered', best.entry.id);
    return answer(best.entry, lang, best.confidence);
  };

  const search = createSearch({ knowledge, matcher, presenter, skills, languageOf, maxQueryLength: MAX_QUESTION_LENGTH });

  return {
    overview: (lang) => overviewFor(presenter, lang, { platform: 'slack', feedback: options.feedback === true }),
    search,
    async handle(input) {
      const text = (input.text ?? '').replace(/\s+/g, ' ').trim();
      const action = input.action?.trim() || undefined;
      const remembered = await languages.get(input.conversation);
      const talk = text ? readSmallTalk(text) : undefined;
      const told = talk ? talk.lang : text ? textLanguage(text) : undefined;
      // The words tell, else what the surface knows, else the conversation so far, else the surface's locale, else Dutch.
      const lang = told ?? input.lang ?? remembered ?? input.locale ?? defaultLang;
      if (lang !== remembered) await languages.set(input.conversation, lang);

      if (action) {
        const parsed = parseAction(action);
        const reply = runAction(parsed, lang, input);
        if (reply) return reply;
        for (const skill of [...earlySkills, ...laterSkills]) {
          const skillReply = await skill.handle({ input, text: '', lang, action });
          if (skillReply) return skillReply;
        }
        return { kind: 'message', lang, text: t(lang, 'staleButton'), followUps: presenter.starterOptions(lang) };
      }

      if (text === '') return help(input, lang);
      if (text.length > MAX_QUESTION_LENGTH) {
        return { kind: 'message', lang, text: t(lang, 'tooLong', { max: MAX_QUESTION_LENGTH }), followUps: presenter.starterOptions(lang) };
      }

      const folded = fold(text);
      const command = COMMANDS[folded === '' ? text : folded];
      if (command) {
        return runAction({ type: 'command', command: command.command }, command.lang ?? lang, input) ?? help(input, lang);
      }
      if (talk) return smallTalkReply(talk, lang);
      for (const skill of earlySkills) {
        const reply = await skill.handle({ input, text, lang, action: undefined });
        if (reply) return reply;
      }
      const phaseId = phaseByName.get(folded) ?? phaseByName.get(folded.replace(/^(fase|phase)\s+/, ''));
      if (phaseId) {
        const phase = knowledge.phaseById.get(phaseId);
        if (phase) return phaseReply(presenter, phase, lang);
      }

      for (const skill of laterSkills) {
        const reply = await skill.handle({ input, text, lang, action: undefined });
        if (reply) return reply;
      }
      return answerQuestion(input, text, lang);
    },
  };
}
