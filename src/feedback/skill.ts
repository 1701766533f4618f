// The feedback skill: stores a 👍/👎 click (one vote per user and answer message; a second click changes
// it) and answers with a confirmation, and gives the admins in BOT_ADMINS the `report`/`rapport`. Others
// get a polite refusal, with the phase of that name in case they meant it ("report" is also a phase
// keyword, which is why this skill is asked before phase names). The report quotes questions, so it is
// only shown in a personal chat, and never in the web chat.
import type { Clock } from '../clock.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Lang } from '../knowledge/schema.js';
import { fold } from '../match/normalize.js';
import { answerFor, createPresenter } from '../present.js';
import type { FeedbackAckReply, MessageReply, Reply } from '../reply.js';
import type { Skill, SkillRequest } from '../skill.js';
import type { FeedbackStorage } from '../storage/feedback.js';
import { feedbackButtons, parseFeedbackAction, type FeedbackAction } from './actions.js';
import { createFeedbackHasher, resolveFeedbackSalt, type FeedbackHasher } from './hash.js';
import { loadReport } from './report.js';
import { ft } from './texts.js';

/** The words of the report command and the language each tells. */
const REPORT_WORDS: Record<string, Lang> = { report: 'en', rapport: 'nl', feedbackrapport: 'nl' };

export interface FeedbackSkillOptions {
  knowledge: Knowledge;
  storage: FeedbackStorage;
  clock: Clock;
  /** `platform:userId` of the people who may see the report (config.admins). */
  admins: readonly string[];
  /** The period of the report, and how long question texts are kept (config.retentionDays). */
  retentionDays: number;
  /** config.feedbackSalt; without it a salt is created once and kept in the database. */
  salt: string | undefined;
  /** The time zone in which the report names its first day. */
  zone: string;
}

/** Creates the skill. The salt is read (or created) on the first click. */
export function createFeedbackSkill(options: FeedbackSkillOptions): Skill {
  const { knowledge, storage, clock, zone } = options;
  const admins = new Set(options.admins);
  const presenter = createPresenter(knowledge);
  let hasher: Promise<FeedbackHasher> | undefined;
  const getHasher = (): Promise<FeedbackHasher> => {
    hasher ??= resolveFeedbackSalt(storage, options.salt, clock).then(createFeedbackHasher);
    // A failed read is tried again on the next click.
    hasher.catch(() => (hasher = undefined));
    return hasher;
  };

  const vote = async (click: FeedbackAction, request: SkillRequest): Promise<FeedbackAckReply> => {
    const { lang, entryId } = click;
    const { platform, channelId, userId, kind } = request.input.conversation;
    const hash = await getHasher();
    const { previous } = await storage.saveVote({
      answerKey: hash.answer(platform, channelId, request.input.messageId, entryId),
      userHash: hash.user(platform, userId),
      entryId,
      lang,
      platform,
      vote: click.vote,
      at: clock.now(),
    });
    const emoji = click.vote === 'up' ? '👍' : '👎';
    const text = previous === undefined ? ft(lang, 'saved') : previous === click.vote ? ft(lang, 'same') : ft(lang, 'changed', { vote: emoji });
    const entry = knowledge.entryById.get(entryId);
    // In a personal chat the card shows the vote and offers the other one; elsewhere everyone keeps both buttons.
    const personal = kind === 'personal';
    const answer = entry && {
      ...answerFor(presenter, entry, lang, 1),
      feedback: { ...feedbackButtons(entryId, lang), saved: personal ? text : ft(lang, 'savedShared'), ...(personal ? { given: click.vote } : {}) },
    };
    return { kind: 'feedback-ack', lang, vote: click.vote, previous: previous === click.vote ? undefined : previous, entryId, text, answer };
  };

  /** The phases a word names, offered to someone who typed it without being an admin. */
  const phasesNamed = (word: string, lang: Lang): MessageReply['followUps'] =>
    knowledge.phases
      .filter((phase) => [phase.title.nl, phase.title.en, ...phase.keywords.nl, ...phase.keywords.en].some((name) => fold(name) === word))
      .map((phase) => ({ label: phase.title[lang], action: `phase:${phase.id}` }));

  const report = async (request: SkillRequest, word: string, lang: Lang): Promise<Reply> => {
    const { platform, userId, userAliases = [], unverified } = request.input.conversation;
    const id = `${platform}:${userId}`;
    // The web chat is open to anyone who can reach the page: it never shows the report.
    if (platform === 'web') return { kind: 'message', lang, text: ft(lang, 'notOnWeb'), followUps: phasesNamed(word, lang) };
    // Anyone can claim any id where the platform does not vouch for it: nobody is an admin there.
    if (unverified) return { kind: 'message', lang, text: ft(lang, 'unverified'), followUps: phasesNamed(word, lang) };
    if (![userId, ...userAliases].some((known) => admins.has(`${platform}:${known}`))) return { kind: 'message', lang, text: ft(lang, 'notAdmin', { id }), followUps: phasesNamed(word, lang) };
    // The report quotes what people asked: it is shown to the admin alone.
    if (request.input.conversation.kind !== 'personal') return { kind: 'message', lang, text: ft(lang, 'personalOnly', { word }), followUps: [] };
    return loadReport({ knowledge, storage, now: clock.now(), days: options.retentionDays, zone, lang });
  };

  return {
    name: 'feedback',
    early: true,
    async handle(request) {
      if (request.action) {
        const click = parseFeedbackAction(request.action);
        return click && vote(click, request);
      }
      const word = fold(request.text);
      const wordLang = REPORT_WORDS[word];
      return wordLang && report(request, word, wordLang);
    },
  };
}
