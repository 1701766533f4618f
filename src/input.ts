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
  /** Set when the platform did not vouch for `userId` (Teams without MicrosoftAppId): no admin rights then. */
  unverified?: true;
}

/** A message (`text`) or a follow-up click (`action`, a stable action id from a `FollowUp`). */
export interface Input {
  text?: string;
  action?: string;
  /** A language the surface knows this input is in (a language switch, a button on a reply in that language); wins over the conversation's. */
  lang?: Lang;
  /** The surface's locale (Teams `locale`, Slack user locale, the browser): used when neither the text nor the conversation tells. */
  locale?: Lang;
  conversation: Conversation;
  /** For a click: the platform's id of the message the button was on (Slack `ts`, Teams activity id). */
  messageId?: string;
}
