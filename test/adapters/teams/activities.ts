// Bot Framework activities as Teams sends them, for the protocol tests and the benchmark.
import { createSign, type KeyObject } from 'node:crypto';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';

export const BOT = { id: '28:erasmus-bot', name: 'Erasmus' };
export const USER = { id: '29:user-jan', aadObjectId: 'aad-jan', name: 'Jan' };

export type Scope = 'personal' | 'groupChat' | 'channel';

const CONVERSATIONS: Record<Scope, { id: string; conversationType: Scope; isGroup?: boolean }> = {
  personal: { id: 'a:personal-conversation', conversationType: 'personal' },
  groupChat: { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true },
  channel: { id: '19:general@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true },
};

let sequence = 0;

function base(serviceUrl: string, scope: Scope): Record<string, unknown> {
  sequence += 1;
  return {
    id: `incoming-${sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { ...CONVERSATIONS[scope], tenantId: 'tenant-1' },
    locale: 'nl-NL',
    channelData: { tenant: { id: 'tenant-1' } },
  };
}

/** A message; `mention` puts an @mention of the bot in front, as Teams writes it. */
export function messageActivity(serviceUrl: string, scope: Scope, text: string, mention = false): Record<string, unknown> {
  const at = `<at>${BOT.name}</at>`;
  return {
    ...base(serviceUrl, scope),
    type: 'message',
    text: mention ? `${at} ${text}` : text,
    textFormat: 'plain',
    entities: mention ? [{ type: 'mention', mentioned: BOT, text: at }] : [],
  };
}

/** An Adaptive Card Action.Submit click: a message with the button's data as `value` and no text; `replyToId` is the card's activity. */
export function cardClickActivity(serviceUrl: string, scope: Scope, action: string, replyToId?: string): Record<string, unknown> {
  return { ...base(serviceUrl, scope), type: 'message', value: { action }, ...(replyToId ? { replyToId } : {}) };
}

export function installActivity(serviceUrl: string, scope: Scope, action = 'add'): Record<string, unknown> {
  return { ...base(serviceUrl, scope), type: 'installationUpdate', action };
}

export function membersAddedActivity(serviceUrl: string, scope: Scope, memberId: string): Record<string, unknown> {
  return { ...base(serviceUrl, scope), type: 'conversationUpdate', membersAdded: [{ id: memberId }] };
}

/** A message-extension search as the compose box sends it; `initialRun` is the first open, with no text. */
export function searchActivity(serviceUrl: string, query: string | undefined): Record<string, unknown> {
  const parameters = query === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'searchQuery', value: query }];
  return {
    ...base(serviceUrl, 'personal'),
    type: 'invoke',
    name: 'composeExtension/query',
    value: { commandId: 'searchRoadmap', parameters, queryOptions: { skip: 0, count: 25 } },
  };
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** An RS256 JWT as the Bot Connector would send it (claims such as `aud` and `serviceurl`), signed with `privateKey`. */
export function signToken(claims: Record<string, unknown>, kid: string, privateKey: KeyObject): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = base64url(JSON.stringify({ iss: 'https://api.botframework.com', nbf: now - 60, exp: now + 3600, ...claims }));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

/** Outbound calls sign with a fixed token instead of asking Entra ID for one. */
export class FixedTokenCredentials extends ConfigurationServiceClientCredentialFactory {
  override async createCredentials(): Promise<ServiceClientCredentials> {
    return {
      signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
        request.headers.set('authorization', 'Bearer outbound-test-token');
        return request;
      },
    } as unknown as ServiceClientCredentials;
  }
}
type ServiceClientCredentials = Awaited<ReturnType<ConfigurationServiceClientCredentialFactory['createCredentials']>>;
