// Socket Mode: with SLACK_APP_TOKEN the adapter serves no HTTP route and takes events, slash commands
// and clicks over a WebSocket (a local fake), acknowledging each envelope and answering through the fake
// Web API.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeSocketMode, type FakeSocketMode } from '../../fakes/slack-socket-mode.js';
import { dmEvent, eventCallback, postToSlackEvents, startSlackHarness, type SlackHarness } from './harness.js';

const APP_TOKEN = 'xapp-1-test-token';
let socket: FakeSocketMode;
let h: SlackHarness;

beforeAll(async () => {
  socket = await startFakeSocketMode();
  h = await startSlackHarness({ appToken: APP_TOKEN, beforeStart: (fake) => fake.respondWith('apps.connections.open', { url: socket.url }) });
  await socket.connected();
});
afterAll(async () => {
  await h.close();
  await socket.close();
});

describe('Socket Mode', () => {
  test('connects with the app token and mounts no HTTP route', async () => {
    expect(h.adapter.mode).toBe('socket');
    expect(h.adapter.routes).toEqual([]);
    expect(h.fake.callsTo('apps.connections.open').map((c) => c.token)).toEqual([APP_TOKEN]);
    expect((await postToSlackEvents(h.baseUrl, eventCallback(dmEvent('how do I find a partner')))).status).toBe(404);
  });

  test('an event is acknowledged, answered once, and its redelivery is only acknowledged', async () => {
    const body = JSON.parse(eventCallback(dmEvent('how do I find a partner', { channel: 'D0SOCKET1' }), 'EvSOCKET0001')) as Record<string, unknown>;
    socket.send({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: body });
    await socket.waitForAck('env-1');
    const [call] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(call?.args.channel).toBe('D0SOCKET1');
    expect(call?.args.text).toContain('Finding project partners');

    socket.send({ envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload: body });
    await socket.waitForAck('env-2');
    const barrier = JSON.parse(eventCallback(dmEvent('where is the distance calculator', { channel: 'D0BARRIER' }))) as Record<string, unknown>;
    socket.send({ envelope_id: 'env-3', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: barrier });
    await h.fake.waitForCalls('chat.postMessage', 2);
    expect(h.fake.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['D0SOCKET1', 'D0BARRIER']);
  });

  test('a slash command is acknowledged and answered through its response_url', async () => {
    socket.send({
      envelope_id: 'env-cmd',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 't', team_id: 'TFAKE0001', team_domain: 'fake', channel_id: 'C0CHAN001', channel_name: 'team', user_id: 'UHUMAN009', user_name: 'e',
        command: '/erasmus', text: 'roadmap', api_app_id: 'AFAKE0001', response_url: h.fake.responseUrl('socket-cmd'), trigger_id: '1.2',
      },
    });
    await socket.waitForAck('env-cmd');
    const [call] = await h.fake.waitForCalls('response_url', 1);
    expect(call?.path).toBe('/response/socket-cmd');
    expect(String(call?.args.text)).toContain('Voorbereiding');
  });

  test('a button click is acknowledged and answered in its thread', async () => {
    socket.send({
      envelope_id: 'env-click',
      type: 'interactive',
      accepts_response_payload: false,
      payload: {
        type: 'block_actions', team: { id: 'TFAKE0001', domain: 'fake' }, api_app_id: 'AFAKE0001', token: 't', trigger_id: '1.3',
        user: { id: 'UHUMAN009', username: 'e' }, channel: { id: 'C0CHAN001', name: 'team' },
        container: { type: 'message', channel_id: 'C0CHAN001', message_ts: '1700000500.000200' },
        message: { type: 'message', ts: '1700000500.000200', thread_ts: '1700000500.000100', text: 'x' },
        response_url: h.fake.responseUrl('socket-click'),
        actions: [{ type: 'button', action_id: 'erasmus:en:1', block_id: 'b', value: 'entry:partner-search', action_ts: '1.3' }],
      },
    });
    await socket.waitForAck('env-click');
    await expect.poll(() => h.fake.callsTo('chat.postMessage').find((c) => c.args.thread_ts === '1700000500.000100')).toBeDefined();
    const call = h.fake.callsTo('chat.postMessage').find((c) => c.args.thread_ts === '1700000500.000100');
    expect(call?.args.text).toContain('Finding project partners');
  });
});
