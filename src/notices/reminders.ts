// When a channel is told: N days before the due day, at the channel's reminder time (09:00 by default) in
// the notice time zone, computed on the calendar so that daylight-saving changes never move the hour.
// `findDueNotices` is the scheduler's search: for every subscription and item, the most recent reminder
// whose time has come, unless the outbox already has it or the item is past.
import type { ActiveSubscription, NoticeKey } from '../storage/storage.js';
import { toNoticeKeyString } from '../storage/storage.js';
import { addDays, dayIn, daysBetween, localInstant } from './dates.js';
import { projectItems, type DueItem } from './items.js';

/** Longest reminder a channel may set, in days. */
export const MAX_REMINDER_DAYS = 365;
/** A notice sent later than this after its planned time carries a note that it is late. */
export const LATE_AFTER_MS = 60 * 60 * 1000;

/** One planned notice of an item. */
export interface PlannedNotice {
  reminderDays: number;
  sendAt: Date;
}

/** The notices of `item` for these reminder days, earliest first; only those before the item is due. */
export function planNotices(item: DueItem, reminderDays: readonly number[], reminderTime: string, zone: string): PlannedNotice[] {
  return [...reminderDays]
    .sort((a, b) => b - a)
    .map((days) => ({ reminderDays: days, sendAt: localInstant(addDays(item.day, -days), reminderTime, zone) }))
    .filter((notice) => notice.sendAt.getTime() < item.dueAt.getTime());
}

/** A notice the scheduler should send now. */
export interface DueNotice {
  key: NoticeKey;
  subscription: ActiveSubscription;
  item: DueItem;
  reminderDays: number;
  sendAt: Date;
  /** Calendar days from today to the due day, in the notice time zone. */
  daysLeft: number;
  /** True when sent more than an hour after its planned time (the service was down). */
  late: boolean;
}

export interface FindDueOptions {
  subscriptions: readonly ActiveSubscription[];
  /** The call deadlines as items (see `callItem`). */
  calls: readonly DueItem[];
  /** Keys (`toNoticeKeyString`) already in the outbox. */
  outboxKeys: ReadonlySet<string>;
  zone: string;
  now: Date;
}

/**
 * The notices due at `now`. Per subscription and item only the most recent reminder whose time has come
 * counts: when the service was down through two reminders, the channel gets the later one, late, and not
 * both. Reminders planned before the subscription began are not sent, and nothing is sent once the item is due.
 */
export function findDueNotices(options: FindDueOptions): DueNotice[] {
  const { subscriptions, outboxKeys, zone, now } = options;
  const nowMs = now.getTime();
  const today = dayIn(now, zone);
  const horizon = addDays(today, MAX_REMINDER_DAYS);
  const calls = options.calls.filter((item) => item.dueAt.getTime() > nowMs && item.day <= horizon);
  const due: DueNotice[] = [];

  for (const subscription of subscriptions) {
    const { channel } = subscription;
    const items = subscription.topic === 'calls' ? calls : subscription.project ? projectItems(subscription.project, zone) : [];
    const sinceMs = subscription.since.getTime();
    for (const item of items) {
      if (item.dueAt.getTime() <= nowMs || item.day > horizon) continue;
      let chosen: PlannedNotice | undefined;
      // Smallest reminder whose time has come = the most recent one.
      for (const days of channel.reminderDays) {
        const sendAt = localInstant(addDays(item.day, -days), channel.reminderTime, zone);
        const sendMs = sendAt.getTime();
        if (sendMs > nowMs || sendMs < sinceMs || sendMs >= item.dueAt.getTime()) continue;
        if (!chosen || days < chosen.reminderDays) chosen = { reminderDays: days, sendAt };
      }
      if (!chosen) continue;
      const key: NoticeKey = { subscriptionId: subscription.id, deadlineKey: item.key, reminderDays: chosen.reminderDays };
      if (outboxKeys.has(toNoticeKeyString(key))) continue;
      due.push({
        key,
        subscription,
        item,
        reminderDays: chosen.reminderDays,
        sendAt: chosen.sendAt,
        daysLeft: daysBetween(today, item.day),
        late: nowMs - chosen.sendAt.getTime() > LATE_AFTER_MS,
      });
    }
  }
  return due.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}
