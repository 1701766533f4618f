// The start-up lines: one per surface, never contradicting each other, and listen failures as one line.
import { describe, expect, it } from 'vitest';
import { describeListenError, describeSurfaces, localUrl } from '../../adapters/startup-log.js';
import { readConfig } from '../../src/config.js';

const BASE = 'http://localhost:3978';
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
const TEAMS = { MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: 't' };
const states = (lines: ReturnType<typeof describeSurfaces>) => lines.map((line) => [line.surface, line.state]);

describe('the start-up lines', () => {
  it('with nothing set: Slack off and why, Teams for the Emulator with its URL, and the terminal', () => {
    const lines = describeSurfaces(readConfig({}), { teams: { state: 'on' } }, BASE);
    expect(lines.map((line) => line.text)).toEqual([
      'slack: off — SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set (docs/slack-setup.md)',
      'teams: emulator-only — MicrosoftAppId is not set, so only the Bot Framework Emulator on this machine is served; connect it to http://localhost:3978/api/messages (docs/teams-setup.md)',
      'terminal: no chat platform is set up yet; chat here with `npm run chat` or `npm run ask -- "your question"`',
    ]);
  });

  it('with both platforms on', () => {
    const lines = describeSurfaces(readConfig({ ...SLACK, ...TEAMS }), { slack: { state: 'on' }, teams: { state: 'on' } }, BASE);
    expect(states(lines)).toEqual([
      ['slack', 'on'],
      ['teams', 'on'],
      ['terminal', 'on'],
    ]);
    expect(lines[0]?.text).toBe('slack: on (HTTP, Slack posts to /slack/events)');
    expect(lines[1]?.text).toBe('teams: on (SingleTenant bot app-1, Bot Framework posts to /api/messages)');
    expect(lines[2]?.text).toBe('terminal: `npm run chat` or `npm run ask -- "your question"`');
  });

  it('with Slack still connecting or retrying: said so, and not "no chat platform"', () => {
    const connecting = describeSurfaces(readConfig({ ...SLACK, SLACK_APP_TOKEN: 'xapp-1' }), { slack: { state: 'starting' }, teams: { state: 'on' } }, BASE);
    expect(connecting[0]?.text).toBe('slack: connecting to Slack (Socket Mode); the other surfaces are on already');
    expect(connecting.at(-1)?.text).not.toMatch(/no chat platform/);
    const retrying = describeSurfaces(readConfig(SLACK), { slack: { state: 'retrying', error: 'getaddrinfo ENOTFOUND slack.com' }, teams: { state: 'on' } }, BASE);
    expect(retrying[0]).toEqual({ surface: 'slack', state: 'retrying', text: 'slack: not connected yet (getaddrinfo ENOTFOUND slack.com); retrying in the background (HTTP, Slack posts to /slack/events)' });
  });

  it('names another mounted surface with the address to open', () => {
    const lines = describeSurfaces(readConfig({}), { teams: { state: 'on' }, web: { state: 'on' } }, BASE);
    expect(lines.find((line) => line.surface === 'web')?.text).toBe('web: on (http://localhost:3978/)');
  });
});

describe('localUrl', () => {
  it.each([
    ['0.0.0.0', 'http://localhost:3978'],
    ['::', 'http://localhost:3978'],
    ['127.0.0.1', 'http://127.0.0.1:3978'],
    ['::1', 'http://[::1]:3978'],
    ['bot.example.nl', 'http://bot.example.nl:3978'],
  ])('%s → %s', (host, url) => expect(localUrl(host, 3978)).toBe(url));
});

describe('describeListenError', () => {
  it.each([
    ['EADDRINUSE', /^PORT: port 80 on 0\.0\.0\.0 is already in use/],
    ['EACCES', /^PORT: port 80 needs extra rights on this machine\. Set PORT to a port above 1023/],
    ['EADDRNOTAVAIL', /^HOST: 0\.0\.0\.0 is not an address of this machine/],
    ['ENOTFOUND', /^HOST: the host name 0\.0\.0\.0 cannot be resolved/],
  ])('%s names the variable and what to do', (code, line) => {
    expect(describeListenError(Object.assign(new Error('listen failed'), { code }), 80, '0.0.0.0')).toMatch(line);
  });

  it('leaves other errors to the caller', () => {
    expect(describeListenError(new Error('other'), 80, '0.0.0.0')).toBeUndefined();
  });
});
