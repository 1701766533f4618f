// `npm start`: the service. Reads the config once, loads the knowledge (refusing to start when it is
// invalid), mounts the adapters that are configured on one HTTP server, and shuts down gracefully.
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { createCore, type Core } from '../src/core.js';
import { KnowledgeError } from '../src/knowledge/load.js';
import { createLogger, type Logger } from '../src/logger.js';
import { createServiceHost, type SurfaceAdapter } from './server.js';
import { createSlackAdapter } from './slack/app.js';
import { createTeamsAdapter } from './teams/app.js';

/** The adapters that this config turns on, and a line for each one that is off. */
function createAdapters(config: Readonly<Config>, core: Core, logger: Logger): { adapters: SurfaceAdapter[]; off: string[] } {
  const adapters: SurfaceAdapter[] = [];
  const off: string[] = [];
  if (config.slack) adapters.push(createSlackAdapter({ config: config.slack, assistant: core.assistant, logger }));
  else off.push('slack: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on (docs/slack-setup.md)');
  // Teams is always mounted: without MicrosoftAppId it serves the Bot Framework Emulator on this machine.
  adapters.push(createTeamsAdapter({ config: config.teams, assistant: core.assistant, logger }));
  return { adapters, off };
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
  let core: Core;
  try {
    core = createCore({ knowledgeDir: config.knowledgeDir });
  } catch (error) {
    if (error instanceof KnowledgeError) {
      logger.fatal({ code: error.code, problems: error.problems }, 'knowledge is invalid; fix it and start again (npm run kb:check lists the problems)');
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const { adapters, off } = createAdapters(config, core, logger);
  const host = createServiceHost({
    adapters,
    logger,
    health: () => ({ entries: core.knowledge.entries.length, phases: core.knowledge.phases.length }),
  });
  const port = await host.listen(config.port, config.host);
  logger.info({ port, adapters: adapters.map((a) => a.name), entries: core.knowledge.entries.length }, 'service started');
  for (const line of off) logger.info(`adapter off: ${line}`);
  if (adapters.length === 0) logger.info('no chat platform is configured; chat locally with `npm run chat` or `npm run ask -- "your question"`');

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    host
      .close()
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
