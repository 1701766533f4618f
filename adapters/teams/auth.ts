// Bot Framework authentication from the MicrosoftApp* settings, with the outbound clients kept between
// turns. Out of the box CloudAdapter builds a new connector client (HTTP pipeline, credentials, token
// cache) and a new user-token client for every activity; here one client per service URL and audience
// is reused, as the older BotFrameworkAdapter did, and the connector retry policy is installed once in it.
import { ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { TeamsConfig } from '../../src/config.js';

type Base = ConfigurationBotFrameworkAuthentication;
type ConnectorFactory = ReturnType<Base['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<Base['createUserTokenClient']>>;

/** Most service URLs remembered; Teams uses a handful per region. */
const MAX_CACHED_CLIENTS = 64;

/** Authentication whose connector and user-token clients are created once and then reused. */
export class CachingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();
  /** Called once for each new connector client, e.g. to install the retry policy. */
  onConnectorClient: (client: ConnectorClient) => void = () => {};

  private cached(factory: ConnectorFactory): ConnectorFactory {
    const create = (serviceUrl: string, audience?: string): Promise<ConnectorClient> => {
      const key = `${serviceUrl}\n${audience ?? ''}`;
      let client = this.connectors.get(key);
      if (!client) {
        client = factory.create(serviceUrl, audience).then((created) => {
          this.onConnectorClient(created);
          return created;
        });
        client.catch(() => this.connectors.delete(key));
        if (this.connectors.size >= MAX_CACHED_CLIENTS) this.connectors.delete(this.connectors.keys().next().value ?? '');
        this.connectors.set(key, client);
      }
      return client;
    };
    return { create } as ConnectorFactory;
  }

  override async authenticateRequest(...args: Parameters<Base['authenticateRequest']>): ReturnType<Base['authenticateRequest']> {
    const result = await super.authenticateRequest(...args);
    if (result.connectorFactory) result.connectorFactory = this.cached(result.connectorFactory);
    return result;
  }

  override createConnectorFactory(...args: Parameters<Base['createConnectorFactory']>): ConnectorFactory {
    return this.cached(super.createConnectorFactory(...args));
  }

  override createUserTokenClient(...args: Parameters<Base['createUserTokenClient']>): Promise<UserTokenClient> {
    const key = args[0].getClaimValue('aud') ?? '';
    let client = this.userTokenClients.get(key);
    if (!client) {
      client = super.createUserTokenClient(...args);
      client.catch(() => this.userTokenClients.delete(key));
      this.userTokenClients.set(key, client);
    }
    return client;
  }
}

/** The SDK's AuthenticationError (status 401/403), and the JWT library's errors it lets through (bad signature, expired). */
export function isTokenRejection(error: unknown): boolean {
  const e = error as { statusCode?: unknown; name?: unknown } | null;
  return e?.statusCode === 401 || e?.statusCode === 403 || e?.name === 'JsonWebTokenError' || e?.name === 'TokenExpiredError' || e?.name === 'NotBeforeError';
}

/** The SDK's settings from the config; `openIdMetadataUrl` points token checks at a local fake in tests. */
export function toAuthOptions(config: TeamsConfig, openIdMetadataUrl: string | undefined): ConfigurationBotFrameworkAuthenticationOptions {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {};
  if (config.appId) {
    options.MicrosoftAppId = config.appId;
    options.MicrosoftAppType = config.appType;
    if (config.appPassword) options.MicrosoftAppPassword = config.appPassword;
    if (config.tenantId) options.MicrosoftAppTenantId = config.tenantId;
  }
  if (openIdMetadataUrl) {
    // Setting one endpoint makes the SDK take every endpoint from these options: the rest are the
    // public cloud's (botframework-connector's AuthenticationConstants).
    Object.assign(options, {
      ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: 'https://api.botframework.com',
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: true,
    });
  }
  return options;
}
