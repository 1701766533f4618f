import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
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

  it('takes an empty value as the default, as .env.example says', () => {
    const config = readConfig({ PORT: '', HOST: ' ', RETENTION_DAYS: '', SCHEDULER_INTERVAL_SECONDS: '', LOG_LEVEL: '', NOTICE_TIMEZONE: '', MicrosoftAppType: '' });
    expect(config).toMatchObject({ port: 3978, host: '0.0.0.0', retentionDays: 90, schedulerIntervalSeconds: 60, logLevel: 'info', noticeTimezone: 'Europe/Amsterdam' });
    expect(config.teams.appType).toBe('SingleTenant');
  });

  it('reads .env.example, copied as it is, as the defaults', () => {
    const example = parse(readFileSync('.env.example', 'utf8'));
    expect(readConfig(example)).toEqual(readConfig({}));
  });

  it('keeps PORT=0 (a free port) apart from an empty PORT', () => {
    expect(readConfig({ PORT: '0' }).port).toBe(0);
  });

  it('defaults to a single-tenant bot, the only kind Microsoft allows for a new bot', () => {
    expect(readConfig({}).teams.appType).toBe('SingleTenant');
    expect(() => readConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' })).toThrow(/MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant/);
    const multi = readConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'MultiTenant' });
    expect(multi.teams).toMatchObject({ appId: 'id', appType: 'MultiTenant', tenantId: undefined });
  });

  it.each(['Europe/Amsterdam', 'UTC', 'America/Argentina/Buenos_Aires'])('accepts the time zone %s', (zone) => {
    expect(readConfig({ NOTICE_TIMEZONE: zone }).noticeTimezone).toBe(zone);
  });

  it.each(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', 'bot.example.nl'])('accepts HOST=%s', (host) => {
    expect(readConfig({ HOST: host }).host).toBe(host);
  });

  it('parses the admins list', () => {
    expect(readConfig({ BOT_ADMINS: 'slack:U123, teams:29:abc' }).admins).toEqual(['slack:U123', 'teams:29:abc']);
  });

  it.each([
    [{ PORT: 'x' }, /PORT/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET/],
    [{ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN: must start with xoxb-/],
    [{ MicrosoftAppId: 'id', MicrosoftAppTenantId: 't' }, /MicrosoftAppPassword/],
    [{ NOTICE_TIMEZONE: 'Mars/Olympus_Mons' }, /NOTICE_TIMEZONE: must be an IANA time zone/],
    [{ NOTICE_TIMEZONE: 'Europe/Amsterdamm' }, /NOTICE_TIMEZONE: must be an IANA time zone/],
    [{ HOST: '999.1.1.1' }, /HOST: must be an IP address/],
    [{ HOST: 'two words' }, /HOST/],
    [{ PORT: '70000' }, /PORT/],
    [{ SCHEDULER_INTERVAL_SECONDS: '1' }, /SCHEDULER_INTERVAL_SECONDS/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
    [{ MicrosoftAppId: 'id', MicrosoftAppType: 'UserAssignedMSI' }, /MicrosoftAppTenantId/],
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
