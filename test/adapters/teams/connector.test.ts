// The direct send of messages to the Bot Connector against the SDK's own connector calls: a real
// ConnectorClient from botbuilder posts to the local fake both ways, and the fake must record the same
// request (URL, ids, body), the same response id form and, on failure, the same error code.
import { ConfigurationBotFrameworkAuthentication, TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/assistant.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { sendConnectorActivity, toTeamsConnectorError } from '../../../adapters/teams/connector.js';
import { renderTeamsMessage } from '../../../adapters/teams/render.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../fakes/bot-connector.js';
import { messageActivity, USER } from './activities.js';

const assistant = createAssistant({ knowledge: loadKnowledge('test/fixtures/knowledge') });

interface SdkConversations {
  replyToActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<ResourceResponse>;
  sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<ResourceResponse>;
}

/** A connector client as CloudAdapter makes it for an unauthenticated (Emulator) turn. */
async function createConnectorClient(serviceUrl: string): Promise<{ conversations: SdkConversations }> {
  const auth = new ConfigurationBotFrameworkAuthentication({});
  const anonymous = { isAuthenticated: false, claims: [], getClaimValue: () => null };
  const factory = auth.createConnectorFactory(anonymous as unknown as Parameters<typeof auth.createConnectorFactory>[0]);
  return (await factory.create(serviceUrl, undefined)) as unknown as { conversations: SdkConversations };
}

/** What the adapter sends for a question in `scope`: the rendered card with the conversation reference applied. */
async function outgoing(serviceUrl: string, scope: 'personal' | 'channel', question: string): Promise<Partial<Activity>> {
  const incoming = messageActivity(serviceUrl, scope, question) as unknown as Activity;
  const reply = await assistant.handle({ text: question, conversation: { platform: 'teams', channelId: incoming.conversation.id, userId: USER.aadObjectId, kind: 'personal' } });
  return TurnContext.applyConversationReference({ ...renderTeamsMessage(reply) }, TurnContext.getConversationReference(incoming));
}

describe('sendConnectorActivity', () => {
  let fake: FakeBotConnector;
  let client: Awaited<ReturnType<typeof createConnectorClient>>;

  beforeAll(async () => {
    fake = await startFakeBotConnector();
    client = await createConnectorClient(fake.url);
  });
  afterEach(() => fake.reset());
  afterAll(async () => fake.close());

  it('posts a reply exactly as the SDK replyToActivity does', async () => {
    const activity = await outgoing(fake.url, 'channel', 'hoe vind ik een partner');
    const conversationId = activity.conversation?.id ?? '';
    expect(activity.replyToId).toMatch(/^incoming-/);
    const bySdk = await client.conversations.replyToActivity(conversationId, activity.replyToId ?? '', structuredClone(activity));
    const direct = await sendConnectorActivity(client, structuredClone(activity));
    expect(fake.activities).toHaveLength(2);
    const [sdk, ours] = fake.activities;
    expect(ours).toEqual(sdk);
    expect(ours?.conversationId).toBe('19:general@thread.tacv2;messageid=1700000000000');
    expect(bySdk.id).toMatch(/^activity-\d+$/);
    expect(direct?.id).toMatch(/^activity-\d+$/);
  });

  it('posts an activity without replyToId to the conversation, as sendToConversation does', async () => {
    const activity = await outgoing(fake.url, 'personal', 'final report');
    delete activity.replyToId;
    await client.conversations.sendToConversation(activity.conversation?.id ?? '', structuredClone(activity));
    await sendConnectorActivity(client, structuredClone(activity));
    const [sdk, ours] = fake.activities;
    expect(ours).toEqual(sdk);
    expect(ours?.replyToId).toBeUndefined();
  });

  it('fails with the same error code as the SDK call', async () => {
    const activity = await outgoing(fake.url, 'personal', 'final report');
    for (const status of [403, 404]) {
      fake.failNext({ status });
      const sdkError: unknown = await client.conversations.replyToActivity(activity.conversation?.id ?? '', activity.replyToId ?? '', structuredClone(activity)).catch((error: unknown) => error);
      fake.failNext({ status });
      const ourError: unknown = await sendConnectorActivity(client, structuredClone(activity))?.catch((error: unknown) => error);
      expect(toTeamsConnectorError(ourError)).toEqual(toTeamsConnectorError(sdkError));
      expect(toTeamsConnectorError(ourError)?.status).toBe(status);
    }
  });

  it('leaves clients of another shape to the SDK', () => {
    expect(sendConnectorActivity({}, { type: 'message', conversation: { id: 'c' } as Activity['conversation'] })).toBeUndefined();
    expect(sendConnectorActivity(client, { type: 'message' })).toBeUndefined();
  });
});
