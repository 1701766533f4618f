// Salted hashes for feedback: votes are stored under HMAC-SHA256 keys of the user and of the answer
// message, never under platform ids, so the database alone cannot tell who voted or where. The salt is
// FEEDBACK_SALT, or a random one created once and kept in the database. It is never logged.
import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Platform } from '../input.js';
import type { FeedbackStorage } from '../storage/feedback.js';

/** The name of the generated salt in the database's secrets. */
const FEEDBACK_SALT_SECRET = 'feedback-salt';

export interface FeedbackHasher {
  /** The key of a user on a platform. */
  user(platform: Platform, userId: string): string;
  /**
   * The key of one answer message: platform, conversation, message and entry. Without a message id (a
   * surface that has none) all answers of the entry in the conversation share one key.
   */
  answer(platform: Platform, channelId: string, messageId: string | undefined, entryId: string): string;
}

/** Creates the hasher over `salt`. */
export function createFeedbackHasher(salt: string): FeedbackHasher {
  const hmac = (...parts: string[]): string => createHmac('sha256', salt).update(parts.join('\u0000')).digest('hex');
  return {
    user: (platform, userId) => hmac('user', platform, userId),
    answer: (platform, channelId, messageId, entryId) => hmac('answer', platform, channelId, messageId ?? '', entryId),
  };
}

/** The configured salt, or the one kept in the database (created on first use). */
export async function resolveFeedbackSalt(storage: Pick<FeedbackStorage, 'getOrCreateSecret'>, configured: string | undefined, clock: Clock): Promise<string> {
  if (configured) return configured;
  return storage.getOrCreateSecret(FEEDBACK_SALT_SECRET, () => randomBytes(32).toString('base64url'), clock.now());
}
