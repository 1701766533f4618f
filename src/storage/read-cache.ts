// What the scheduler reads every tick, kept in memory between ticks for both databases: the active
// subscriptions and the keys in the outbox. They are brought up to date from the change logs
// (`channel_changes` and the outbox's `seq`), which every connection writes, so that a second replica's
// changes are seen as well as this one's, and only what changed is read again.
import type { Platform } from '../input.js';
import { num, toChannel, toProject } from './rows.js';
import { toNoticeKeyString, type ActiveSubscription, type ChannelRecord, type NoticeKey, type Topic } from './storage.js';

/** The queries the cache needs; rows of `ACTIVE_SELECT` as arrays in its column order. */
export interface ReadCacheSource {
  /** The highest `channel_changes.seq`, 0 when there is none. */
  lastChange(): Promise<number>;
  changedSince(seq: number): Promise<Array<[Platform, string]>>;
  active(): Promise<unknown[][]>;
  activeOf(platform: Platform, channelId: string): Promise<unknown[][]>;
  /** The highest outbox `seq`, 0 when there is none. */
  lastOutbox(): Promise<number>;
  outboxDueAfter(dueAfter: number): Promise<Array<[string, string, number]>>;
  outboxSince(seq: number): Promise<Array<[string, string, number]>>;
}

export interface ReadCache {
  activeSubscriptions(): Promise<readonly ActiveSubscription[]>;
  outboxKeys(dueAfter: Date): Promise<ReadonlySet<string>>;
  /** Records a key known to be in the outbox: claimed here, or found already claimed by another. */
  noteInOutbox(key: NoticeKey): void;
}

function toActive(rows: unknown[][]): ActiveSubscription[] {
  const channels = new Map<string, ChannelRecord>();
  return rows.map((row): ActiveSubscription => {
    const [id, platform, channelId, topic, since, lang, reminderDays, reminderTime, name, start, end, interim, finalReport] = row;
    const channelKey = `${String(platform)}:${String(channelId)}`;
    let channel = channels.get(channelKey);
    if (!channel) {
      channel = toChannel({ platform, channel_id: channelId, lang, reminder_days: reminderDays, reminder_time: reminderTime, status: 'active', status_reason: null });
      channels.set(channelKey, channel);
    }
    return {
      id: String(id),
      platform: channel.platform,
      channelId: channel.channelId,
      topic: topic as Topic,
      since: new Date(num(since)),
      channel,
      project: start === null ? undefined : toProject({ name, start_date: start, end_date: end, interim_date: interim, final_date: finalReport }),
    };
  });
}

/** Creates the cache; nothing is read until the first call. */
export function createReadCache(source: ReadCacheSource): ReadCache {
  let active: { seen: number; list: ActiveSubscription[] } | undefined;
  let outbox: { seen: number; keys: Set<string> } | undefined;
  // One refresh at a time: a second caller waits for the running one instead of reading twice.
  let refreshing: Promise<ActiveSubscription[]> | undefined;

  const refreshActive = async (): Promise<ActiveSubscription[]> => {
    // The newest change is read first: whatever commits after it is read (again) by the next refresh.
    const latest = await source.lastChange();
    if (!active) {
      active = { seen: latest, list: toActive(await source.active()) };
    } else if (latest > active.seen) {
      const changed = await source.changedSince(active.seen);
      const refs = new Map(changed.map(([platform, channelId]) => [`${platform}:${channelId}`, [platform, channelId] as const]));
      const list = active.list.filter((sub) => !refs.has(`${sub.platform}:${sub.channelId}`));
      for (const [platform, channelId] of refs.values()) list.push(...toActive(await source.activeOf(platform, channelId)));
      active = { seen: latest, list };
    }
    return active.list;
  };

  return {
    activeSubscriptions() {
      refreshing ??= refreshActive().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
    async outboxKeys(dueAfter) {
      // Once read, only rows added since are read again; the set may therefore also hold keys of deadlines
      // that passed since, which no search asks for.
      const latest = await source.lastOutbox();
      const rows = !outbox ? await source.outboxDueAfter(dueAfter.getTime()) : latest > outbox.seen ? await source.outboxSince(outbox.seen) : [];
      outbox ??= { seen: latest, keys: new Set<string>() };
      for (const [subscriptionId, deadlineKey, reminderDays] of rows) {
        outbox.keys.add(toNoticeKeyString({ subscriptionId, deadlineKey, reminderDays: num(reminderDays) }));
      }
      outbox.seen = Math.max(outbox.seen, latest);
      return outbox.keys;
    },
    noteInOutbox(key) {
      outbox?.keys.add(toNoticeKeyString(key));
    },
  };
}
