import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/config.js';

describe('the web chat settings', () => {
  it('are on with no embedding origins when nothing is set', () => {
    expect(readConfig({}).web).toEqual({ enabled: true, origins: [] });
  });

  it('read WEB_CHAT=off and a list of origins', () => {
    const config = readConfig({ WEB_CHAT: 'off', WEB_CHAT_ORIGINS: 'https://Intranet.School.nl, http://localhost:8080' });
    expect(config.web).toEqual({ enabled: false, origins: ['https://intranet.school.nl', 'http://localhost:8080'] });
  });

  it.each([
    [{ WEB_CHAT: 'yes' }, /WEB_CHAT: must be on or off/],
    [{ WEB_CHAT_ORIGINS: 'intranet.school.nl' }, /WEB_CHAT_ORIGINS.*scheme:\/\/host/],
    [{ WEB_CHAT_ORIGINS: 'https://school.nl/path' }, /WEB_CHAT_ORIGINS/],
    [{ WEB_CHAT_ORIGINS: "https://a.nl 'unsafe-inline'" }, /WEB_CHAT_ORIGINS/],
  ])('refuses %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
