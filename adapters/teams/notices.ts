// Deadline notices on Teams: every conversation the bot is used in leaves its conversation reference in
// storage, and a notice goes to that reference through the adapter's proactive send
// (`continueConversationAsync`). Connector failures become the scheduler's outcomes by errors.ts's table.
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
import type { Clock } from '../../src/clock.js';
import type { Conversation } from '../../src/input.js';
import type { Logger } from '../../src/logger.js';
import type { NoticeDelivery } from '../../src/notices/delivery.js';
import type { ChannelRef, Storage } from '../../src/storage/storage.js';
import type { TeamsAdapter, TeamsAdapterOptions, TeamsConversationReference } from './app.js';
import { toTeamsDeliveryResult } from './errors.js';

const toRef = (conversation: Conversation): ChannelRef => ({ platform: 'teams', channelId: conversation.channelId });

/**
 * The reference a notice is sent to. In a channel the conversation id names the thread the bot was
 * addressed in (`…;messageid=…`); without that suffix a notice starts a new post in the channel instead
 * of replying deep in an old thread.
 */
function toNoticeReference(reference: TeamsConversationReference): TeamsConversationReference {
  const id = reference.conversation?.id;
  if (!reference.conversation || typeof id !== 'string') return reference;
  return { ...reference, conversation: { ...reference.conversation, id: id.replace(/;messageid=\d+$/, '') } };
}

/** Adapter callbacks that keep the references notices need, and mark conversations the app was removed from. */
export function createTeamsNoticeHooks(storage: Storage, clock: Clock, logger: Logger): Pick<TeamsAdapterOptions, 'onConversation' | 'onUninstall'> {
  return {
    async onConversation(reference, conversation) {
      const ref = toRef(conversation);
      await storage.saveConversationReference(ref, toNoticeReference(reference), clock.now());
      // The bot hears from this conversation again: it can post here (again).
      await storage.markChannelActive(ref, clock.now());
    },
    async onUninstall(_reference, conversation) {
      await storage.markChannelGone(toRef(conversation), 'app removed from the conversation', clock.now());
      logger.info({ conversation: conversation.kind }, 'notices stopped: the app was removed from a conversation');
    },
  };
}

/** Sends notices through the Teams adapter to the stored conversation references. */
export function createTeamsNoticeDelivery(adapter: Pick<TeamsAdapter, 'sendReply'>, storage: Storage): NoticeDelivery {
  return {
    async send(target, notice) {
      const reference = (await storage.getConversationReference(target)) as TeamsConversationReference | undefined;
      if (!reference) return { status: 'failed', error: 'TEAMS_NO_CONVERSATION_REFERENCE: the bot has no stored reference for this conversation' };
      try {
        await adapter.sendReply(reference, notice);
        return { status: 'ok' };
      } catch (error) {
        return toTeamsDeliveryResult(error);
      }
    },
  };
}
