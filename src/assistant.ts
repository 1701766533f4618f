// The conversation core: turns a message or a button click into a Reply. Commands (help, roadmap, tools)
// come first, then skills whose command is also a phase keyword (`report`), a phase's name, the other
// skills (distance, notices, …), then the roadmap matcher. What the matcher made of a question is
// reported to `onQuestion` (the question log).
import type { Input } from './input.js';
import type { Knowledge } from './knowledge/load.js';
import type { Entry, Lang } from './knowledge/schema.js';
import { DEFAULT_MATCH_OPTIONS, createMatcher, type Matcher, type MatchOptions } from './match/matcher.js';
import { fold } from './match/normalize.js';
import { parseAction, type Action } from './actions.js';
import { feedbackButtons } from './feedback/actions.js';
import { answerFor, helpReply, phaseGroupReply, phaseReply, roadmapReply, toolsReply, type Presenter, createPresenter } from './present.js';
import type { AnswerReply, Reply } from './reply.js';
import type { Skill } from './skill.js';
import { t } from './texts.js';

/** Candidates within this share of the best one's strength count as equally good. */
const TIE_RATIO = 0.95;

/** Longest message the bot reads; longer ones get a polite request to shorten. */
export const MAX_QUESTION_LENGTH = 1000;

export interface Assistant {
  handle(input: Input): Promise<Reply>;
  readonly knowledge: Knowledge;
  readonly matcher: Matcher;
  /** The language a text would be answered in. */
  languageOf(text: string, fallback?: Lang): Lang;
}

export interface AssistantOptions {
  knowledge: Knowledge;
  skills?: readonly Skill[];
  match?: Partial<MatchOptions>;
  /** Language when neither the text nor the conversation tells; Dutch for Dutch schools. */
  defaultLang?: Lang;
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
  outcome: 'answered' | 'suggested' | 'declined';
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
  const matcher = createMatcher(knowledge);
  const matchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options.match };
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

  const languageOf = (text: string, fallback?: Lang): Lang => matcher.detectLanguage(text) ?? fallback ?? defaultLang;
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

  const answerQuestion = async (input: Input, text: string, lang: Lang): Promise<Reply> => {
    const { candidates } = matcher.match(text, 5);
    const best = candidates[0];
    const report = async (outcome: QuestionEvent['outcome']): Promise<void> => {
      if (!options.onQuestion) return;
      const nearest = candidates.map((c) => ({ entryId: c.entry.id, confidence: c.confidence }));
      await options.onQuestion({ input, text, lang, outcome, entryId: outcome === 'answered' ? best?.entry.id : undefined, candidates: nearest });
    };
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
    await report('answered');
    return answer(best.entry, lang, best.confidence);
  };

  return {
    knowledge,
    matcher,
    languageOf,
    async handle(input) {
      const text = (input.text ?? '').replace(/\s+/g, ' ').trim();
      const action = input.action?.trim() || undefined;
      const lang = text ? languageOf(text, input.lang) : (input.lang ?? defaultLang);

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

      const folded = fold(text.replace(/^\/?erasmus\b/i, ''));
      const command = COMMANDS[folded === '' ? text : folded];
      if (command) {
        return runAction({ type: 'command', command: command.command }, command.lang ?? input.lang ?? defaultLang, input) ?? help(input, lang);
      }
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
