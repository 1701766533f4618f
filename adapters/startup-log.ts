// The start-up lines of `npm start`: one line per surface (on, off or emulator-only, and why), the local
// address, and a listen failure turned into one line that names the variable and what to do.
import type { Config } from '../src/config.js';
import type { SurfaceStatus } from './server.js';

/** One line of the start-up log about a surface. */
export interface SurfaceLine {
  surface: string;
  state: 'on' | 'off' | 'emulator-only' | 'retrying' | 'starting';
  text: string;
}

/** The address to open on this machine: `localhost` when the service listens on every interface. */
export function localUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** One line for a listen failure that a person can fix (port in use, bad host); undefined for others. */
export function describeListenError(error: unknown, port: number, host: string): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return `PORT: port ${port} on ${host} is already in use (is the service running already?). Stop the other process, or set PORT to a free port.`;
    case 'EACCES':
      return `PORT: port ${port} needs extra rights on this machine. Set PORT to a port above 1023, such as 3978.`;
    case 'EADDRNOTAVAIL':
      return `HOST: ${host} is not an address of this machine. Set HOST to 0.0.0.0 (every interface), 127.0.0.1 (this machine only) or an address this machine has.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return `HOST: the host name ${host} cannot be resolved. Set HOST to 0.0.0.0 (every interface) or 127.0.0.1 (this machine only).`;
    default:
      return undefined;
  }
}

function slackLine(config: Readonly<Config>, status: SurfaceStatus | undefined): SurfaceLine {
  if (!config.slack) {
    return { surface: 'slack', state: 'off', text: 'slack: off — SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set (docs/slack-setup.md)' };
  }
  const mode = config.slack.appToken ? 'Socket Mode' : 'HTTP, Slack posts to /slack/events';
  if (status?.state === 'retrying') {
    return { surface: 'slack', state: 'retrying', text: `slack: not connected yet (${status.error ?? 'start failed'}); retrying in the background (${mode})` };
  }
  if (status?.state === 'starting') return { surface: 'slack', state: 'starting', text: `slack: connecting to Slack (${mode}); the other surfaces are on already` };
  return { surface: 'slack', state: 'on', text: `slack: on (${mode})` };
}

function teamsLine(config: Readonly<Config>, status: SurfaceStatus | undefined, base: string): SurfaceLine {
  if (!config.teams.appId) {
    return {
      surface: 'teams',
      state: 'emulator-only',
      text: `teams: emulator-only — MicrosoftAppId is not set, so only the Bot Framework Emulator on this machine is served; connect it to ${base}/api/messages (docs/teams-setup.md)`,
    };
  }
  if (status?.state === 'retrying') {
    return { surface: 'teams', state: 'retrying', text: `teams: not connected yet (${status.error ?? 'start failed'}); retrying in the background` };
  }
  return { surface: 'teams', state: 'on', text: `teams: on (${config.teams.appType} bot ${config.teams.appId}, Bot Framework posts to /api/messages)` };
}

/** The start-up lines of every surface, in a fixed order: Slack, Teams, others mounted, then the terminal. */
export function describeSurfaces(config: Readonly<Config>, surfaces: Record<string, SurfaceStatus>, base: string): SurfaceLine[] {
  const lines = [slackLine(config, surfaces.slack), teamsLine(config, surfaces.teams, base)];
  for (const [name, status] of Object.entries(surfaces)) {
    if (name === 'slack' || name === 'teams') continue;
    const state = status.state === 'on' ? 'on' : status.state;
    lines.push({ surface: name, state, text: state === 'on' ? `${name}: on (${base}/)` : `${name}: ${state} (${status.error ?? ''})` });
  }
  // A platform that is set up counts, even while it is still connecting.
  const platforms = lines.filter((line) => (line.surface === 'slack' || line.surface === 'teams') && line.state !== 'off' && line.state !== 'emulator-only');
  lines.push({
    surface: 'terminal',
    state: 'on',
    text:
      platforms.length === 0
        ? 'terminal: no chat platform is set up yet; chat here with `npm run chat` or `npm run ask -- "your question"`'
        : 'terminal: `npm run chat` or `npm run ask -- "your question"`',
  });
  return lines;
}
