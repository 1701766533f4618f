// Deadline notices through the real Teams adapter: a channel subscribes over HTTP (Bot Framework
// activities, no auth, Emulator mode), the reference is stored, and the scheduler's notice reaches the
// local fake Bot Connector as a new post in the channel. Connector failures map to retry / gone / failed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/assistant.js';
import type { TeamsConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import type { NoticeDelivery } from '../../../src/notices/delivery.js';
import { createNoticeScheduler, type NoticeScheduler } from '../../../src/notices/scheduler.js';
import type { NoticeReply } from '../../../src/reply.js';
import { createNoticesSkill } from '../../../src/notices/skill.js';
import { openSqliteStorage } from '../../../src/storage/sqlite.js';
import type { Storage } from '../../../src/storage/storage.js';
import { createServiceHost, type ServiceHost } from '../../../adapters/server.js';
import { createTeamsAdapter } from '../../../adapters/teams/app.js';
import { createTeamsNoticeDelivery, createTeamsNoticeHooks } from '../../../adapters/teams/notices.js';
import { renderTeamsMessage } from '../../../adapters/teams/render.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../fakes/bot-connector.js';
import { createFakeClock, deadlines, knowledge, tempDataDir, ZONE } from '../../notices/helpers.js';
import { installActivity, messageActivity } from './activities.js';

const NO_AUTH: TeamsConfig = { appId: undefined, appPassword: undefined, appType: 'MultiTenant', tenantId: undefined, domain: undefined };
// The test activities are written in a channel thread (`19:general@thread.tacv2;messageid=…`); the core sees the channel.
const CHANNEL = '19:general@thread.tacv2';
const logger = createLogger('silent');

describe('Teams notices', () => {
  const clock = createFakeClock('2026-11-26T10:00:00Z');
  let fake: FakeBotConnector;
  let host: ServiceHost;
  let url: string;
  let storage: Storage;
  let scheduler: NoticeScheduler;
  let cleanup: () => void;
  const notices: NoticeReply[] = [];
  const recording = (delivery: NoticeDelivery): NoticeDelivery => ({
    send: (target, notice, key) => {
      notices.push(notice);
      return delivery.send(target, notice, key);
    },
  });

  beforeAll(async () => {
    const temp = tempDataDir();
    cleanup = temp.cleanup;
    storage = openSqliteStorage(temp.dir);
    fake = await startFakeBotConnector();
    const assistant = createAssistant({ knowledge, skills: [createNoticesSkill({ knowledge, deadlines, storage, clock, zone: ZONE })] });
    const adapter = createTeamsAdapter({
      config: NO_AUTH,
      assistant,
      logger,
      ...createTeamsNoticeHooks(storage, clock, logger),
    });
    host = createServiceHost({ adapters: [adapter], logger });
    url = `http://127.0.0.1:${await host.listen(0, '127.0.0.1')}/api/messages`;
    scheduler = createNoticeScheduler({
      storage,
      knowledge,
      deadlines,
      deliveries: { teams: recording(createTeamsNoticeDelivery(adapter, storage)) },
      clock,
      zone: ZONE,
      intervalMs: 60_000,
      logger,
      backoffMs: 1_000,
    });
  });
  afterEach(() => fake.reset());
  afterAll(async () => {
    await host.close();
    await fake.close();
    await storage.close();
    cleanup();
  });

  const post = async (activity: unknown): Promise<number> =>
    (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })).status;

  it('subscribes a channel by @mention and keeps the conversation reference', async () => {
    expect(await post(messageActivity(fake.url, 'channel', 'abonneer op deadlines', true))).toBe(200);
    expect(fake.activities[0]?.activity.summary).toBe('Komende deadlines');
    expect((await storage.listSubscriptions({ platform: 'teams', channelId: CHANNEL })).map((s) => s.topic)).toEqual(['calls']);
    expect(await storage.getConversationReference({ platform: 'teams', channelId: CHANNEL })).toMatchObject({ serviceUrl: fake.url, conversation: { id: CHANNEL } });
  });

  it('sends the due notice as a new post in the channel, rendered like any reply', async () => {
    clock.set('2027-03-02T08:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(fake.activities).toHaveLength(1);
    const [sent] = fake.activities;
    expect(sent?.conversationId).toBe(CHANNEL);
    expect(sent?.activity.summary).toBe('Nog 30 dagen: KA220-VET: deadline call 2027');
    const card = (sent?.activity.attachments as Array<{ content: { actions: Array<{ title: string; data: { action: string } }> } }>)[0]?.content;
    expect(card?.actions[0]).toMatchObject({ title: 'Wat heb ik nodig?', data: { action: 'entry:partner-search' } });
    expect(card).toEqual(renderTeamsMessage(notices.at(-1)!).attachments[0].content);
    const [row] = await storage.listOutbox();
    expect(row).toMatchObject({ platform: 'teams', channelId: CHANNEL, status: 'sent', reminderDays: 30 });
  });

  it('retries when the connector keeps failing, then delivers once', async () => {
    clock.set('2027-03-25T08:00:00Z');
    // The SDK's retries (3) use up four 503s (Retry-After 0: no wait); the scheduler tries again later.
    const unavailable = { status: 503, headers: { 'retry-after': '0' } };
    fake.failNext(unavailable, unavailable, unavailable, unavailable);
    expect(await scheduler.tick()).toMatchObject({ retrying: 1, sent: 0 });
    clock.advance(1_000);
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(fake.activities).toHaveLength(1);
    expect(fake.attempts.map((a) => a.status)).toEqual([503, 503, 503, 503, 201]);
  });

  it('marks the channel gone on 403 and skips it until the bot hears from it again', async () => {
    clock.set('2027-03-31T07:00:00Z');
    fake.failNext({ status: 403 });
    expect(await scheduler.tick()).toMatchObject({ gone: 1 });
    expect(await storage.getChannel({ platform: 'teams', channelId: CHANNEL })).toMatchObject({ status: 'gone' });
    expect(await scheduler.tick()).toMatchObject({ due: 0 });

    expect(await post(messageActivity(fake.url, 'channel', 'deadlines', true))).toBe(200);
    expect(await storage.getChannel({ platform: 'teams', channelId: CHANNEL })).toMatchObject({ status: 'active' });
  });

  it('marks a conversation gone when the app is removed', async () => {
    expect(await post(installActivity(fake.url, 'channel', 'remove'))).toBe(200);
    expect(await storage.getChannel({ platform: 'teams', channelId: CHANNEL })).toMatchObject({ status: 'gone', statusReason: 'app removed from the conversation' });
  });
});
