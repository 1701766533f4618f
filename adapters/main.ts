// `npm start`: the service. Reads the config once, opens the database in DATA_DIR, loads the knowledge
// (refusing to start when it is invalid), mounts the adapters that are configured on one HTTP server, runs
// the notice scheduler and the daily feedback retention purge, and shuts down gracefully.
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { createCore, type Core } from '../src/core.js';
import { createRetentionPurge } from '../src/feedback/retention.js';
import { KnowledgeError } from '../src/knowledge/load.js';
import { createLogger, type Logger } from '../src/logger.js';
import { systemClock } from '../src/notices/clock.js';
import { openSqliteStorage } from '../src/storage/sqlite.js';
import type { Storage } from '../src/storage/storage.js';
import { startNotices } from './notices.js';
import { createServiceHost, type SurfaceAdapter } from './server.js';
import { createSlackAdapter, type SlackAdapter } from './slack/app.js';
import { createTeamsAdapter, type TeamsAdapter } from './teams/app.js';
import { createTeamsNoticeHooks } from './teams/notices.js';
import { createWebAdapter } from './web/app.js';

/** The adapters that this config turns on, and a line for each one that is off. */
function createAdapters(
  config: Readonly<Config>,
  core: Core,
  storage: Storage,
  logger: Logger,
): { adapters: SurfaceAdapter[]; off: string[]; teams: TeamsAdapter; slack: SlackAdapter | undefined } {
  const adapters: SurfaceAdapter[] = [];
  const off: string[] = [];
  const slack = config.slack ? createSlackAdapter({ config: config.slack, assistant: core.assistant, logger }) : undefined;
  if (slack) adapters.push(slack);
  else off.push('slack: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on (docs/slack-setup.md)');
  // Teams is always mounted: without MicrosoftAppId it serves the Bot Framework Emulator on this machine.
  if (!config.teams.appId) off.push('teams: no MicrosoftAppId, so only the Bot Framework Emulator on this machine (docs/teams-setup.md)');
  const teams = createTeamsAdapter({
    config: config.teams,
    assistant: core.assistant,
    logger,
    searchSkills: [core.distance],
    ...createTeamsNoticeHooks(storage, systemClock, logger),
  });
  adapters.push(teams);
  if (config.web.enabled) adapters.push(createWebAdapter({ config: config.web, assistant: core.assistant, storage, clock: systemClock, zone: config.noticeTimezone, logger }));
  else off.push('web: WEB_CHAT=off, so no chat page at /');
  return { adapters, off, teams, slack };
}

async function main(): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let storage: Storage;
  try {
    storage = openSqliteStorage(config.dataDir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.fatal({ dataDir: config.dataDir, err: error }, 'cannot open the database in DATA_DIR');
    process.stderr.write(`Cannot open the database in DATA_DIR (${config.dataDir}): ${reason}\n`);
    process.exit(1);
  }
  let core: Core;
  try {
    core = createCore({
      knowledgeDir: config.knowledgeDir,
      storage,
      noticeTimezone: config.noticeTimezone,
      feedback: { admins: config.admins, retentionDays: config.retentionDays, salt: config.feedbackSalt },
      logger: logger.child({ module: 'feedback' }),
    });
  } catch (error) {
    if (error instanceof KnowledgeError) {
      logger.fatal({ code: error.code, problems: error.problems }, 'knowledge is invalid; fix it and start again (npm run kb:check lists the problems)');
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const { adapters, off, teams, slack } = createAdapters(config, core, storage, logger);
  const host = createServiceHost({
    adapters,
    logger,
    health: () => ({ entries: core.knowledge.entries.length, phases: core.knowledge.phases.length }),
  });
  const port = await host.listen(config.port, config.host);
  const webChat = config.web.enabled ? `http://${/^(0\.0\.0\.0|::)$/.test(config.host) ? 'localhost' : config.host}:${port}/` : undefined;
  if (webChat) logger.info(`web chat: ${webChat}`);
  logger.info({ port, adapters: adapters.map((a) => a.name), entries: core.knowledge.entries.length }, 'service started');
  for (const line of off) logger.info(`adapter off: ${line}`);
  if (!slack && !config.teams.appId) {
    logger.info(`no chat platform is configured; ${webChat ? `open the web chat at ${webChat}, or ` : ''}chat locally with \`npm run chat\` or \`npm run ask -- "your question"\``);
  }
  const notices = startNotices({ config, core, storage, logger, teams, slack });
  const purge = createRetentionPurge({ storage, clock: systemClock, retentionDays: config.retentionDays, logger: logger.child({ module: 'feedback' }) });
  purge.start();

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    Promise.all([notices.stop(), purge.stop()])
      .then(() => host.close())
      .then(() => storage.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
