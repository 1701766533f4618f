// Deadline notices through Slack: a channel subscribes with the signed `/erasmus` slash command on the
// real Bolt app, and the scheduler's notice reaches the local fake Web API as chat.postMessage with the
// rendered blocks and the notice key in its metadata. Web API failures map to retry / gone / failed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/app.js';
import { createSlackWebClient } from '../../../adapters/slack/client.js';
import { createSlackNoticeDelivery, SLACK_NOTICE_EVENT } from '../../../adapters/slack/notices.js';
import { renderSlackMessage } from '../../../adapters/slack/render.js';
import { createServiceHost, type ServiceHost } from '../../../adapters/server.js';
import { createAssistant } from '../../../src/assistant.js';
import { createLogger } from '../../../src/logger.js';
import type { NoticeDelivery } from '../../../src/notices/delivery.js';
import { createNoticeScheduler, type NoticeScheduler } from '../../../src/notices/scheduler.js';
import { createNoticesSkill } from '../../../src/notices/skill.js';
import type { NoticeReply } from '../../../src/reply.js';
import { openSqliteStorage } from '../../../src/storage/sqlite.js';
import type { Storage } from '../../../src/storage/storage.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../../fakes/slack-web-api.js';
import { createFakeClock, deadlines, knowledge, tempDataDir, ZONE } from '../../notices/helpers.js';
import { BOT_TOKEN, FORM, postToSlackEvents, SIGNING_SECRET, slashCommandBody } from './harness.js';

const CHANNEL = 'C0CHAN001';
const logger = createLogger('silent');

describe('Slack notices', () => {
  const clock = createFakeClock('2026-11-26T10:00:00Z');
  const notices: NoticeReply[] = [];
  let fake: FakeSlackWebApi;
  let host: ServiceHost;
  let baseUrl: string;
  let storage: Storage;
  let scheduler: NoticeScheduler;
  let cleanup: () => void;

  beforeAll(async () => {
    const temp = tempDataDir();
    cleanup = temp.cleanup;
    storage = openSqliteStorage(temp.dir);
    fake = await startFakeSlackWebApi();
    const assistant = createAssistant({ knowledge, skills: [createNoticesSkill({ knowledge, deadlines, storage, clock, zone: ZONE })] });
    const adapter = createSlackAdapter({ config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: undefined, apiUrl: fake.apiUrl }, assistant, logger });
    host = createServiceHost({ adapters: [adapter], logger });
    baseUrl = `http://127.0.0.1:${await host.listen(0, '127.0.0.1')}`;
    // Retries are the scheduler's: the client reports a 429 at once, with its Retry-After.
    const delivery = createSlackNoticeDelivery(createSlackWebClient(BOT_TOKEN, { apiUrl: fake.apiUrl, retryConfig: { retries: 0 } }));
    const recording: NoticeDelivery = {
      send: (target, notice, key) => {
        notices.push(notice);
        return delivery.send(target, notice, key);
      },
      confirm: (target, key, since) => delivery.confirm?.(target, key, since) ?? Promise.resolve('unknown'),
    };
    scheduler = createNoticeScheduler({ storage, knowledge, deadlines, deliveries: { slack: recording }, clock, zone: ZONE, intervalMs: 60_000, logger, backoffMs: 1_000 });
  });
  beforeEach(() => fake.reset());
  afterAll(async () => {
    await host.close();
    await fake.close();
    await storage.close();
    cleanup();
  });

  it('subscribes a channel with the slash command', async () => {
    const response = await postToSlackEvents(baseUrl, slashCommandBody('abonneer op deadlines', fake.responseUrl('r1')), { contentType: FORM });
    expect(response.status).toBe(200);
    const [answer] = await fake.waitForCalls('response_url', 1);
    expect(String(answer?.args.text)).toMatch(/^Komende deadlines/);
    expect((await storage.listSubscriptions({ platform: 'slack', channelId: CHANNEL })).map((s) => s.topic)).toEqual(['calls']);
  });

  it('posts the due notice to the channel with its blocks and its key in the metadata', async () => {
    clock.set('2027-03-02T08:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    const [post] = fake.callsTo('chat.postMessage');
    expect(post?.token).toBe(BOT_TOKEN);
    expect(post?.args).toMatchObject({ channel: CHANNEL, unfurl_links: false, metadata: { event_type: SLACK_NOTICE_EVENT, event_payload: { key: 'slack:C0CHAN001:calls|ka220-vet-2027@2027-04-01|30' } } });
    const expected = renderSlackMessage(notices.at(-1)!);
    expect(post?.args.blocks).toEqual(expected.blocks);
    expect(post?.args.text).toBe(expected.text);
    expect(String(post?.args.text)).toMatch(/^Nog 30 dagen: KA220-VET: deadline call 2027/);
  });

  it('retries a 429 after its Retry-After, then posts once', async () => {
    clock.set('2027-03-25T08:00:00Z');
    fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 30 });
    expect(await scheduler.tick()).toMatchObject({ retrying: 1 });
    clock.advance(29_000);
    await scheduler.tick();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    clock.advance(1_000);
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('marks a channel that removed the bot (not_in_channel) and stops posting there', async () => {
    clock.set('2027-03-31T07:00:00Z');
    fake.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    expect(await scheduler.tick()).toMatchObject({ gone: 1 });
    expect(await storage.getChannel({ platform: 'slack', channelId: CHANNEL })).toMatchObject({ status: 'gone', statusReason: 'not_in_channel' });
    expect(await scheduler.tick()).toMatchObject({ due: 0 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('finds an interrupted notice in the channel history by its metadata key', async () => {
    const delivery = createSlackNoticeDelivery(createSlackWebClient(BOT_TOKEN, { apiUrl: fake.apiUrl, retryConfig: { retries: 0 } }));
    const key = { subscriptionId: 'slack:C1:calls', deadlineKey: 'ka220-vet-2027@2027-04-01', reminderDays: 7 };
    const since = new Date('2027-03-25T08:00:00Z');
    fake.respondWith('conversations.history', { messages: [{ ts: '1.0', metadata: { event_type: SLACK_NOTICE_EVENT, event_payload: { key: 'slack:C1:calls|ka220-vet-2027@2027-04-01|7' } } }], has_more: false });
    expect(await delivery.confirm?.({ platform: 'slack', channelId: 'C1' }, key, since)).toBe('delivered');
    expect(fake.callsTo('conversations.history')[0]?.args).toMatchObject({ channel: 'C1', include_all_metadata: true, oldest: '1805961540.000000' });
    fake.respondWith('conversations.history', { messages: [{ ts: '2.0' }], has_more: false });
    expect(await delivery.confirm?.({ platform: 'slack', channelId: 'C1' }, key, since)).toBe('not-delivered');
    fake.respondWith('conversations.history', { messages: [], has_more: true });
    expect(await delivery.confirm?.({ platform: 'slack', channelId: 'C1' }, key, since)).toBe('unknown');
    fake.failNext('conversations.history', { status: 200, body: { ok: false, error: 'missing_scope' } });
    expect(await delivery.confirm?.({ platform: 'slack', channelId: 'C1' }, key, since)).toBe('unknown');
  });
});

describe('what a failed notice post means', () => {
  let fake: FakeSlackWebApi;
  beforeAll(async () => {
    fake = await startFakeSlackWebApi();
  });
  afterAll(() => fake.close());

  const target = { platform: 'slack' as const, channelId: 'C1' };
  const key = { subscriptionId: 'slack:C1:calls', deadlineKey: 'ka220-vet-2027@2027-04-01', reminderDays: 7 };
  const notice: NoticeReply = { kind: 'notice', lang: 'nl', deadlineId: 'ka220-vet-2027', title: 'Deadline', due: 'morgen', dueAt: '2027-04-01', daysLeft: 7, body: 'Dien in.', late: undefined, notes: [], links: [], followUps: [] };

  it.each<[string, { status: number; retryAfterSeconds?: number; body?: Record<string, unknown> }, unknown]>([
    ['channel_not_found', { status: 200, body: { ok: false, error: 'channel_not_found' } }, { status: 'gone', reason: 'channel_not_found' }],
    ['not_in_channel', { status: 200, body: { ok: false, error: 'not_in_channel' } }, { status: 'gone', reason: 'not_in_channel' }],
    ['is_archived', { status: 200, body: { ok: false, error: 'is_archived' } }, { status: 'gone', reason: 'is_archived' }],
    ['invalid_auth', { status: 200, body: { ok: false, error: 'invalid_auth' } }, { status: 'failed', error: 'SLACK_API_ERROR: invalid_auth' }],
    ['internal_error', { status: 200, body: { ok: false, error: 'internal_error' } }, { status: 'retry', error: 'SLACK_API_ERROR: internal_error' }],
    ['429 with Retry-After', { status: 429, retryAfterSeconds: 30 }, { status: 'retry', error: 'SLACK_RATE_LIMITED: HTTP 429', retryAfterMs: 30_000 }],
    ['HTTP 503', { status: 503 }, { status: 'retry', error: 'SLACK_HTTP_ERROR: HTTP 503' }],
    ['HTTP 403', { status: 403 }, { status: 'failed', error: 'SLACK_HTTP_ERROR: HTTP 403' }],
    ['HTTP 400', { status: 400 }, { status: 'failed', error: 'SLACK_HTTP_ERROR: HTTP 400' }],
  ])('%s', async (_name, failure, result) => {
    const delivery = createSlackNoticeDelivery(createSlackWebClient(BOT_TOKEN, { apiUrl: fake.apiUrl, retryConfig: { retries: 0 } }));
    fake.failNext('chat.postMessage', failure);
    expect(await delivery.send(target, notice, key)).toEqual(result);
  });

  it('a Web API that does not answer is tried again later', async () => {
    const delivery = createSlackNoticeDelivery(createSlackWebClient(BOT_TOKEN, { apiUrl: 'http://127.0.0.1:9/api/', retryConfig: { retries: 0 } }));
    expect(await delivery.send(target, notice, key)).toMatchObject({ status: 'retry', error: expect.stringMatching(/^SLACK_REQUEST_FAILED: /) });
  });
});
