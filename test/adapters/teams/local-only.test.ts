// Emulator mode (no MicrosoftAppId) over real HTTP: only callers on this machine are served, replies go
// only to a bare loopback origin that is the conversation's own, and nothing is stored or sent for a
// refused request.
import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/assistant.js';
import type { TeamsConfig } from '../../../src/config.js';
import type { Conversation } from '../../../src/input.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { createLogger } from '../../../src/logger.js';
import { createServiceHost, type ServiceHost } from '../../../adapters/server.js';
import { createTeamsAdapter } from '../../../adapters/teams/app.js';
import { toLocalServiceUrl } from '../../../adapters/teams/local-only.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../fakes/bot-connector.js';
import { cardClickActivity, messageActivity } from './activities.js';

const NO_AUTH: TeamsConfig = { appId: undefined, appPassword: undefined, appType: 'MultiTenant', tenantId: undefined, domain: undefined };
const assistant = createAssistant({ knowledge: loadKnowledge('test/fixtures/knowledge') });

/** An address of this machine that is not loopback, when it has one. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((info) => info?.family === 'IPv4' && !info.internal)?.address;

describe('Teams without MicrosoftAppId', () => {
  let fake: FakeBotConnector;
  let other: FakeBotConnector;
  let host: ServiceHost;
  let port: number;
  const conversations: Conversation[] = [];

  beforeAll(async () => {
    fake = await startFakeBotConnector();
    other = await startFakeBotConnector();
    const adapter = createTeamsAdapter({ config: NO_AUTH, assistant, logger: createLogger('silent'), onConversation: (_reference, conversation) => void conversations.push(conversation) });
    host = createServiceHost({ adapters: [adapter], logger: createLogger('silent') });
    port = await host.listen(0, '0.0.0.0');
  });
  afterEach(() => {
    fake.reset();
    other.reset();
    conversations.length = 0;
  });
  afterAll(async () => {
    await host.close();
    await fake.close();
    await other.close();
  });

  const post = async (activity: unknown, headers: Record<string, string> = {}, address = '127.0.0.1'): Promise<number> => {
    const response = await fetch(`http://${address}:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
    await response.text();
    return response.status;
  };

  it('serves a caller on this machine, and marks its identity as not vouched for', async () => {
    expect(await post(messageActivity(fake.url, 'personal', 'tools'))).toBe(200);
    expect(fake.activities).toHaveLength(1);
    expect(conversations[0]?.unverified).toBe(true);
  });

  it('refuses a request that came through a proxy, so that nobody outside can talk, vote or subscribe as anyone', async () => {
    const proxied: Array<Record<string, string>> = [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }, { 'x-real-ip': '203.0.113.7' }];
    for (const headers of proxied) {
      expect(await post(messageActivity(fake.url, 'personal', 'tools'), headers)).toBe(403);
      expect(await post(cardClickActivity(fake.url, 'personal', 'feedback:up:nl:partner-search', 'activity-1'), headers)).toBe(403);
    }
    expect(fake.attempts).toEqual([]);
    expect(conversations).toEqual([]);
  });

  it.skipIf(outside === undefined)('refuses a caller from another address', async () => {
    expect(await post(messageActivity(fake.url, 'personal', 'abonneer op deadlines'), {}, outside)).toBe(403);
    expect(fake.attempts).toEqual([]);
    expect(conversations).toEqual([]);
  });

  it('posts only to a bare loopback origin: no path, query or credentials the caller names', async () => {
    const base = fake.url.replace(/\/$/, '');
    const port = new URL(fake.url).port;
    for (const serviceUrl of [`${base}/hook/`, `${base}/?x=1`, `${base}/v3/conversations/x/`, `http://user:pw@127.0.0.1:${port}/`, `ftp://127.0.0.1:${port}/`, 'http://10.0.0.1/', 'http://127.0.0.1.evil.example/']) {
      expect(await post(messageActivity(serviceUrl, 'personal', 'tools')), serviceUrl).toBe(403);
    }
    expect(fake.attempts).toEqual([]);
    expect(conversations).toEqual([]);
  });

  it('keeps a conversation to the service URL it started with', async () => {
    const first = messageActivity(fake.url, 'personal', 'tools');
    const conversation = first.conversation as { id: string };
    const own = { ...first, conversation: { ...conversation, id: 'a:pinned-conversation' } };
    expect(await post(own)).toBe(200);
    expect(await post({ ...messageActivity(other.url, 'personal', 'tools'), conversation: own.conversation })).toBe(403);
    expect(await post({ ...messageActivity(fake.url, 'personal', 'help'), conversation: own.conversation })).toBe(200);
    expect(fake.activities).toHaveLength(2);
    expect(other.attempts).toEqual([]);
  });
});

describe('toLocalServiceUrl', () => {
  it.each([
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5000/'],
    ['http://localhost:61234/', 'http://localhost:61234/'],
    ['http://[::1]:5000/', 'http://[::1]:5000/'],
    ['https://127.0.0.2:443/', 'https://127.0.0.2/'],
    ['http://127.0.0.1:5000/path', undefined],
    ['http://127.0.0.1:5000/#x', undefined],
    ['http://192.168.1.2:5000/', undefined],
    ['not a url', undefined],
  ])('%s → %s', (input, expected) => {
    expect(toLocalServiceUrl(input)).toBe(expected);
  });
});
