// When a channel is told: N days before the due day, at the channel's reminder time (09:00 by default) in
// the notice time zone, computed on the calendar so that daylight-saving changes never move the hour.
// `findDueNotices` is the scheduler's search: for every subscription and item, the most recent reminder
// whose time has come, unless the outbox already has it or the item is past.
import type { ActiveSubscription, NoticeKey } from '../storage/storage.js';
import { toNoticeKeyString } from '../storage/storage.js';
import { addDays, dayIn, localInstant, localInstantMs, toDayNumber, toMinutes } from './dates.js';
import { projectDayNumbers, projectItems, type DueItem } from './items.js';

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
 * both. Reminders planned before the subscription began are not sent, and nothing is sent once the item is
 * due. This runs every tick over every subscription, so it works on day numbers and skips items that are
 * not within a channel's reminder window before doing anything else.
 */
export function findDueNotices(options: FindDueOptions): DueNotice[] {
  const { subscriptions, outboxKeys, zone, now } = options;
  const nowMs = now.getTime();
  const today = toDayNumber(dayIn(now, zone));
  // Yesterday's items may still be due today (a milestone is due by the end of its day).
  const calls = options.calls.filter((item) => item.dueAt.getTime() > nowMs && item.dayNumber - MAX_REMINDER_DAYS <= today);
  const due: DueNotice[] = [];

  for (const subscription of subscriptions) {
    const { channel } = subscription;
    const window = Math.max(0, ...channel.reminderDays);
    const near = (dayNumber: number): boolean => dayNumber >= today - 1 && dayNumber - window <= today;
    let items: readonly DueItem[];
    if (subscription.topic === 'calls') items = calls;
    else if (subscription.project && projectDayNumbers(subscription.project).some(near)) items = projectItems(subscription.project, zone);
    else continue;

    const sinceMs = subscription.since.getTime();
    const minutes = toMinutes(channel.reminderTime);
    for (const item of items) {
      const dueMs = item.dueAt.getTime();
      if (dueMs <= nowMs || !near(item.dayNumber)) continue;
      let chosenDays = -1;
      let chosenMs = 0;
      // The smallest reminder whose time has come is the most recent one.
      for (const days of channel.reminderDays) {
        const sendMs = localInstantMs(item.dayNumber - days, minutes, zone);
        if (sendMs > nowMs || sendMs < sinceMs || sendMs >= dueMs) continue;
        if (chosenDays < 0 || days < chosenDays) {
          chosenDays = days;
          chosenMs = sendMs;
        }
      }
      if (chosenDays < 0) continue;
      const key: NoticeKey = { subscriptionId: subscription.id, deadlineKey: item.key, reminderDays: chosenDays };
      if (outboxKeys.has(toNoticeKeyString(key))) continue;
      due.push({
        key,
        subscription,
        item,
        reminderDays: chosenDays,
        sendAt: new Date(chosenMs),
        daysLeft: item.dayNumber - today,
        late: nowMs - chosenMs > LATE_AFTER_MS,
      });
    }
  }
  return due.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}
