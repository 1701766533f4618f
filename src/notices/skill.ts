// The notices skill: answers `deadlines`, "when is the deadline?" and "when is the KA210 deadline in 2027?", keeps a conversation's project and
// subscriptions (`project`, `subscribe`/`abonneer`, `unsubscribe`/`opzeggen`, `reminders`/`herinneringen`),
// and turns bad input into a clear message in the user's language. Conversations are keyed by platform
// and channel id, so the commands work the same in channels, group chats and personal chats.
import type { Clock } from '../clock.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Lang } from '../knowledge/schema.js';
import type { MessageReply, Reply } from '../reply.js';
import type { Skill, SkillRequest } from '../skill.js';
import { DEFAULT_CHANNEL_SETTINGS, type ChannelRef, type ProjectRecord, type Storage, type Topic } from '../storage/storage.js';
import { parseNoticeCommand, type CommandProblem, type DeadlineFilter, type NoticeCommand, type ParsedCommand, type ProjectFields } from './commands.js';
import { dayIn, formatDay } from './dates.js';
import type { CallDeadline } from './deadlines.js';
import { callItem, type DueItem } from './items.js';
import { deadlinesReply, projectReply, type ConversationNotices, type DeadlinesFocus, type ReplyContext } from './replies.js';
import { joinList, nt, type NoticeTextKey } from './texts.js';

export interface NoticesSkillOptions {
  knowledge: Knowledge;
  deadlines: readonly CallDeadline[];
  /** Without storage the skill still lists deadlines, and says that it cannot keep subscriptions. */
  storage: Storage | undefined;
  clock: Clock;
  /** The notice time zone (config.noticeTimezone). */
  zone: string;
}

const BUTTON_COMMANDS: Record<string, NoticeCommand> = {
  'cmd:deadlines': { type: 'deadlines' },
  'cmd:project': { type: 'project-show' },
  'cmd:subscribe': { type: 'subscribe', topics: ['calls', 'project'] },
  'cmd:unsubscribe': { type: 'unsubscribe', topics: ['calls', 'project'] },
  'cmd:reminders': { type: 'reminders-show' },
};

const message = (lang: Lang, text: string): MessageReply => ({ kind: 'message', lang, text, followUps: [] });

function problemText(problem: CommandProblem, lang: Lang): string {
  switch (problem.code) {
    case 'BAD_DATE':
      return nt(lang, 'badDate', { text: problem.text });
    case 'NO_SUCH_DAY':
      return nt(lang, 'noSuchDay', { text: problem.text });
    case 'BAD_REMINDERS':
      return nt(lang, 'badReminders');
  }
}

/** Why a project cannot be saved, checking the dates this command gave against today; undefined when it can. */
function projectProblem(project: ProjectRecord, given: ProjectFields, today: string, lang: Lang): string | undefined {
  const day = (value: string): string => formatDay(value, lang);
  if (project.end < project.start) return nt(lang, 'endBeforeStart', { start: day(project.start), end: day(project.end) });
  if (project.end < today) return nt(lang, 'endInPast', { end: day(project.end) });
  if (project.interim && (project.interim < project.start || project.interim > project.end)) {
    return nt(lang, 'interimOutside', { day: day(project.interim), start: day(project.start), end: day(project.end) });
  }
  if (project.finalReport && project.finalReport < project.end) return nt(lang, 'finalBeforeEnd', { day: day(project.finalReport), end: day(project.end) });
  if (given.interim && given.interim < today) return nt(lang, 'dateInPast', { what: nt(lang, 'interimWord'), day: day(given.interim) });
  if (given.finalReport && given.finalReport < today) return nt(lang, 'dateInPast', { what: nt(lang, 'finalWord'), day: day(given.finalReport) });
  return undefined;
}

const topicList = (topics: readonly Topic[], lang: Lang): string =>
  joinList(
    [...topics].sort().map((topic) => nt(lang, topic === 'calls' ? 'topicCalls' : 'topicProject')),
    lang,
  );

/** Creates the notices skill over the knowledge, the call deadlines and (optionally) storage. */
export function createNoticesSkill(options: NoticesSkillOptions): Skill {
  const { knowledge, storage, clock, zone } = options;
  const calls: DueItem[] = options.deadlines.map((deadline) => callItem(deadline, zone));

  /** The deadlines of one action and/or call year, in date order. */
  const focusOf = (filter: DeadlineFilter, now: Date): DeadlinesFocus => {
    const year = filter.year === 'next' ? Number(dayIn(now, zone).slice(0, 4)) + 1 : filter.year;
    const ids = new Set(
      options.deadlines.filter((d) => (filter.action === undefined || d.action === filter.action) && (year === undefined || d.year === year)).map((d) => d.id),
    );
    const nowMs = now.getTime();
    // Without a year, only the upcoming deadlines of the action.
    const items = calls.filter((item) => ids.has(item.id) && (year !== undefined || item.dueAt.getTime() > nowMs));
    return { label: [filter.action, year].filter((part) => part !== undefined).join(' '), items };
  };

  const viewOf = async (ref: ChannelRef): Promise<ConversationNotices> => {
    if (!storage) return { channel: undefined, topics: new Set(), project: undefined };
    const [channel, subscriptions, project] = await Promise.all([storage.getChannel(ref), storage.listSubscriptions(ref), storage.getProject(ref)]);
    return { channel, topics: new Set(subscriptions.map((s) => s.topic)), project };
  };

  const run = async (command: NoticeCommand, ref: ChannelRef, lang: Lang): Promise<Reply> => {
    const now = clock.now();
    const ctx: ReplyContext = { knowledge, zone, now, lang };
    if (command.type === 'invalid') return message(lang, problemText(command.problem, lang));
    if (command.type === 'deadlines') return deadlinesReply(calls, await viewOf(ref), ctx, command.filter && focusOf(command.filter, now));
    if (!storage) return message(lang, nt(lang, 'noStorage'));

    switch (command.type) {
      case 'subscribe': {
        const before = await viewOf(ref);
        await storage.subscribe(ref, command.topics, now);
        await storage.saveChannelSettings(ref, { lang }, now);
        await storage.markChannelActive(ref, now);
        const added = command.topics.filter((topic) => !before.topics.has(topic));
        const view = await viewOf(ref);
        const key: NoticeTextKey = added.length > 0 ? 'subscribed' : 'alreadySubscribed';
        const confirmation = nt(lang, key, { topics: topicList(added.length > 0 ? added : command.topics, lang) });
        const reply = deadlinesReply(calls, view, ctx);
        const needsProject = view.topics.has('project') && !view.project ? ` ${nt(lang, 'needsProject')}` : '';
        return { ...reply, intro: `${confirmation}${needsProject}` };
      }
      case 'unsubscribe': {
        const removed = await storage.unsubscribe(ref, command.topics);
        const key: NoticeTextKey = removed > 0 ? 'unsubscribed' : 'notSubscribedTo';
        return { ...message(lang, nt(lang, key, { topics: topicList(command.topics, lang) })), followUps: [{ label: nt(lang, 'buttonDeadlines'), action: 'cmd:deadlines' }] };
      }
      case 'reminders-show':
      case 'reminders-set': {
        const settings =
          command.type === 'reminders-show'
            ? ((await storage.getChannel(ref)) ?? DEFAULT_CHANNEL_SETTINGS)
            : await storage.saveChannelSettings(
                ref,
                command.days === 'default'
                  ? { reminderDays: [...DEFAULT_CHANNEL_SETTINGS.reminderDays], reminderTime: DEFAULT_CHANNEL_SETTINGS.reminderTime }
                  : { reminderDays: command.days, ...(command.time ? { reminderTime: command.time } : {}) },
                now,
              );
        const values = { days: joinList(settings.reminderDays.map(String), lang), time: settings.reminderTime, zone };
        return message(lang, nt(lang, command.type === 'reminders-show' ? 'remindersNow' : 'remindersSet', values));
      }
      case 'project-show': {
        const view = await viewOf(ref);
        return view.project ? projectReply(view.project, view, ctx, '') : message(lang, nt(lang, 'noProject'));
      }
      case 'project-set': {
        const stored = await storage.getProject(ref);
        const merged = { ...stored, ...Object.fromEntries(Object.entries(command.fields).filter(([, value]) => value !== undefined)) };
        if (!merged.start || !merged.end) return message(lang, nt(lang, 'missingDates'));
        const project: ProjectRecord = { name: merged.name, start: merged.start, end: merged.end, interim: merged.interim, finalReport: merged.finalReport };
        const problem = projectProblem(project, command.fields, dayIn(now, zone), lang);
        if (problem) return message(lang, problem);
        await storage.saveProject(ref, project, now);
        await storage.saveChannelSettings(ref, { lang }, now);
        return projectReply(project, await viewOf(ref), ctx, nt(lang, 'projectSaved'));
      }
      case 'project-remove': {
        const removed = await storage.deleteProject(ref);
        return message(lang, nt(lang, removed ? 'projectRemoved' : 'noProjectToRemove'));
      }
    }
  };

  return {
    name: 'notices',
    async handle(request: SkillRequest) {
      const parsed: ParsedCommand | undefined = request.action
        ? BUTTON_COMMANDS[request.action] && { command: BUTTON_COMMANDS[request.action] as NoticeCommand, lang: undefined }
        : parseNoticeCommand(request.text);
      if (!parsed) return undefined;
      const { platform, channelId } = request.input.conversation;
      const ref = { platform, channelId };
      // Words like "deadlines" or "project" do not tell the language: the conversation's own language does.
      const lang = parsed.lang ?? (await storage?.getChannel(ref))?.lang ?? request.lang;
      return run(parsed.command, ref, lang);
    },
  };
}
