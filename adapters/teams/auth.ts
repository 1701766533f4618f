// Bot Framework authentication settings from the MicrosoftApp* config, and how the SDK says it refused
// a token. CloudAdapter checks incoming tokens and signs outgoing calls with these settings.
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { TeamsConfig } from '../../src/config.js';

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
