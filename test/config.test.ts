import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config.js';

describe('readConfig', () => {
  it('starts with nothing set: port 3978, no Slack, Teams without auth', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 3978, knowledgeDir: 'knowledge', dataDir: 'data', slack: undefined, retentionDays: 90 });
    expect(config.teams.appId).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('turns Slack on with a bot token and signing secret, empty values counting as unset', () => {
    const config = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: '', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(config.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 's', appToken: undefined, apiUrl: 'http://127.0.0.1:9/api/' });
  });

  it('parses the admins list', () => {
    expect(readConfig({ BOT_ADMINS: 'slack:U123, teams:29:abc' }).admins).toEqual(['slack:U123', 'teams:29:abc']);
  });

  it.each([
    [{ PORT: 'x' }, /PORT/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET/],
    [{ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN: must start with xoxb-/],
    [{ MicrosoftAppId: 'id' }, /MicrosoftAppPassword/],
    [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
    [{ MicrosoftAppType: 'Personal' }, /MicrosoftAppType/],
    [{ BOT_ADMINS: 'U123' }, /BOT_ADMINS/],
    [{ SLACK_API_URL: 'not a url' }, /SLACK_API_URL/],
  ])('refuses %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });

  it('never puts a secret value in its error', () => {
    try {
      readConfig({ SLACK_BOT_TOKEN: 'xoxb-secret-value', MicrosoftAppId: 'id', PORT: '-1' });
    } catch (error) {
      expect(String(error)).not.toContain('xoxb-secret-value');
      return;
    }
    throw new Error('expected a ConfigError');
  });
});
