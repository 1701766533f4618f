// Erasing one person's feedback on request: their votes are found by the salted hash of their platform
// id (the only way they can be found) and deleted. Question texts are not linked to anyone, so they are
// found by their words, not by who asked.
import type { Clock } from '../clock.js';
import type { Platform } from '../input.js';
import type { FeedbackStorage } from '../storage/feedback.js';
import { createFeedbackHasher, resolveFeedbackSalt } from './hash.js';

/** A user as BOT_ADMINS writes them, `slack:U123` or `teams:<id>`; undefined when it is not one. */
export function parseFeedbackUser(value: string): { platform: Platform; userId: string } | undefined {
  const match = /^(slack|teams):(.+)$/.exec(value.trim());
  return match ? { platform: match[1] as Platform, userId: match[2] as string } : undefined;
}

/** Deletes every vote of the user; returns how many were deleted. */
export async function forgetFeedbackUser(
  storage: Pick<FeedbackStorage, 'getOrCreateSecret' | 'deleteVotesOf'>,
  salt: string | undefined,
  clock: Clock,
  user: { platform: Platform; userId: string },
): Promise<number> {
  const hasher = createFeedbackHasher(await resolveFeedbackSalt(storage, salt, clock));
  return storage.deleteVotesOf(hasher.user(user.platform, user.userId));
}
