// The Slack app manifest matches what the adapter serves: one request URL, the slash command, the events
// it listens to with the scopes they need, interactivity, the App Home tab, and Socket Mode off.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { load as parse } from 'js-yaml';
import { SLACK_COMMAND, SLACK_EVENTS_PATH } from '../../../adapters/slack/app.js';

interface SlackManifest {
  display_information: { name: string; description?: string; background_color?: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string; always_online?: boolean };
    slash_commands: Array<{ command: string; url: string; description: string; usage_hint?: string; should_escape?: boolean }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
    org_deploy_enabled?: boolean;
    token_rotation_enabled?: boolean;
  };
}

const manifest = parse(readFileSync(new URL('../../../manifest/slack/manifest.yaml', import.meta.url), 'utf8')) as SlackManifest;

describe('manifest/slack/manifest.yaml', () => {
  test('names fit Slack’s limits', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description?.length ?? 0).toBeLessThanOrEqual(140);
    expect(manifest.display_information.background_color).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
  });

  test('events, the slash command and interactivity all go to the one HTTPS path', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) {
      expect(new URL(url).protocol).toBe('https:');
      expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    }
    expect(new Set(urls).size).toBe(1);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  test('the slash command is the one the adapter listens to', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLACK_COMMAND]);
    expect(manifest.features.slash_commands[0]?.command.length).toBeLessThanOrEqual(32);
  });

  test('every event the adapter answers is subscribed, with the scope it needs', () => {
    const needs: Record<string, string> = { app_mention: 'app_mentions:read', 'message.im': 'im:history', app_home_opened: '' };
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(Object.keys(needs).sort());
    const scopes = manifest.oauth_config.scopes.bot;
    for (const scope of Object.values(needs).filter(Boolean)) expect(scopes).toContain(scope);
    expect(scopes).toEqual(expect.arrayContaining(['chat:write', 'commands']));
  });

  test('the history of every kind of channel a notice can go to may be read, but no channel message is subscribed', () => {
    // An interrupted notice is looked up in conversations.history by its metadata key.
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['channels:history', 'groups:history', 'im:history', 'mpim:history']));
    expect(manifest.settings.event_subscriptions.bot_events).not.toEqual(expect.arrayContaining(['message.channels']));
    expect(manifest.settings.event_subscriptions.bot_events).not.toEqual(expect.arrayContaining(['message.groups']));
    expect(manifest.settings.event_subscriptions.bot_events).not.toEqual(expect.arrayContaining(['message.mpim']));
  });

  test('App Home has a Home tab and a Messages tab users can write in; Socket Mode is off by default', () => {
    expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
