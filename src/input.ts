// What every surface hands to the core: a message or a button click, with where it came from.
import type { Lang } from './knowledge/schema.js';

export type Platform = 'slack' | 'teams' | 'console' | 'web';

/** Where a message was written. `channelId` and `userId` are the platform's own ids. */
export interface Conversation {
  platform: Platform;
  channelId: string;
  userId: string;
  /** Other ids of the same user on the platform (Teams: the channel account id `29:…` beside the Entra object id). */
  userAliases?: readonly string[];
  kind: 'personal' | 'group' | 'channel';
}

/** A message (`text`) or a follow-up click (`action`, a stable action id from a `FollowUp`). */
export interface Input {
  text?: string;
  action?: string;
  /** The language of the conversation so far, used when the text alone does not tell. */
  lang?: Lang;
  conversation: Conversation;
  /** For a click: the platform's id of the message the button was on (Slack `ts`, Teams activity id). */
  messageId?: string;
}
