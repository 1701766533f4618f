// `npm start`: the service. Reads the config once, opens the database (PostgreSQL with DATABASE_URL, else
// SQLite in DATA_DIR; refusing one that is damaged or cannot be written), loads the knowledge (refusing to
// start when it is invalid), mounts the adapters that are configured on one HTTP server, reads the place data
// in the background, runs the notice scheduler and the daily feedback retention purge, and shuts down
// gracefully on SIGTERM and SIGINT. A start-up failure is one line on stderr that names the variable and
// what to do, without a stack trace.
import { resolve } from 'node:path';
import { systemClock } from '../src/clock.js';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { createCore, type Core } from '../src/core.js';
import { createRetentionPurge } from '../src/feedback/retention.js';
import { KnowledgeError } from '../src/knowledge/load.js';
import { createLogger, routeConsoleToLogger, type Logger } from '../src/logger.js';
import { DATABASE_FILE } from '../src/storage/sqlite.js';
import { describeStorage, openStorage } from '../src/storage/open.js';
import type { Storage } from '../src/storage/storage.js';
import { startNotices } from './notices.js';
import { createServiceHost, type SurfaceAdapter } from './server.js';
import { createSlackAdapter, type SlackAdapter } from './slack/app.js';
import { createStoreClaim } from './slack/dedupe.js';
import { createTeamsAdapter, type TeamsAdapter } from './teams/app.js';
import { createTeamsNoticeHooks } from './teams/notices.js';
import { describeListenError, describeSurfaces, localUrl } from './startup-log.js';
import { createWebAdapter } from './web/app.js';

/** How long a Slack event or command id is remembered: longer than Slack's last retry (30 minutes). */
const SLACK_CLAIM_TTL_MS = 60 * 60 * 1000;

/** Ends the start: one line on stderr, exit code 1. */
function refuse(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');

/** The adapters that this config turns on. */
function createAdapters(
  config: Readonly<Config>,
  core: Core,
  storage: Storage,
  logger: Logger,
): { adapters: SurfaceAdapter[]; teams: TeamsAdapter; slack: SlackAdapter | undefined } {
  // Slack's retries and replays are claimed in the store, so that a retry reaching another replica is answered once.
  const claim = createStoreClaim((scope, key, ttlMs, now) => storage.claimOnce(scope, key, ttlMs, now), {
    ttlMs: SLACK_CLAIM_TTL_MS,
    onError: (error) => logger.warn({ err: error }, 'slack de-duplication through the store failed; this replica remembers the request itself'),
  });
  const slack = config.slack ? createSlackAdapter({ config: config.slack, assistant: core.assistant, logger, claim }) : undefined;
  // Teams is always mounted: without MicrosoftAppId it serves the Bot Framework Emulator on this machine.
  const teams = createTeamsAdapter({
    config: config.teams,
    assistant: core.assistant,
    logger,
    ...createTeamsNoticeHooks(storage, systemClock, logger),
  });
  const web = config.web.enabled
    ? [createWebAdapter({ config: config.web, assistant: core.assistant, knowledge: core.knowledge, storage, clock: systemClock, zone: config.noticeTimezone, logger })]
    : [];
  return { adapters: [...(slack ? [slack] : []), teams, ...web], teams, slack };
}

async function main(): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) refuse(error.message);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // botbuilder and Bolt print some errors with console.error: they become log lines, without keys or stacks.
  routeConsoleToLogger(logger.child({ module: 'sdk' }));

  const databasePath = config.databaseUrl ? describeStorage(config) : resolve(config.dataDir, DATABASE_FILE);
  let storage: Storage;
  try {
    storage = await openStorage(config, { onIdleError: (error) => logger.warn({ err: error }, 'a database connection failed while idle') });
    await storage.checkHealth?.();
  } catch (error) {
    if (config.databaseUrl) refuse(`DATABASE_URL: cannot use the database (${describeStorage(config)}): ${reasonOf(error)}. Check that the server is reachable and the user may create tables, then start again.`);
    refuse(`DATA_DIR: cannot use the database ${databasePath}: ${reasonOf(error)}. Check that the directory is writable, or move a damaged file away (a new one is made), then start again.`);
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
    if (error instanceof KnowledgeError) refuse(`${error.message}\n(KNOWLEDGE_DIR=${config.knowledgeDir}; npm run kb:check lists the problems)`);
    throw error;
  }

  const { adapters, teams, slack } = createAdapters(config, core, storage, logger);
  const host = createServiceHost({
    adapters,
    logger,
    checks: { database: () => storage.checkHealth?.() ?? Promise.resolve() },
    // A platform that answers slowly (Slack's client retries auth.test) does not hold up the start-up lines.
    startWaitMs: 3_000,
    health: () => ({ entries: core.knowledge.entries.length, phases: core.knowledge.phases.length, places: core.distance.places.loaded ? 'loaded' : 'loading' }),
  });
  let port: number;
  try {
    port = await host.listen(config.port, config.host);
  } catch (error) {
    refuse(describeListenError(error, config.port, config.host) ?? `Cannot start the HTTP server on ${config.host}:${config.port}: ${reasonOf(error)}`);
  }
  const base = localUrl(config.host, port);
  logger.info(
    { port, host: config.host, url: `${base}/`, health: `${base}/healthz`, data: databasePath, knowledge: resolve(config.knowledgeDir), entries: core.knowledge.entries.length },
    `service started on ${base}/ (health: ${base}/healthz); data in ${databasePath}`,
  );
  for (const line of describeSurfaces(config, host.surfaces(), base)) logger.info({ surface: line.surface, state: line.state }, line.text);

  // The place data takes seconds to read: in steps, so that requests are answered meanwhile.
  core.distance
    .warmInBackground()
    .then((ms) => logger.info({ ms: Math.round(ms), places: core.distance.places.count() }, 'place data loaded'))
    .catch((error: unknown) => logger.error({ error: reasonOf(error) }, 'place data could not be loaded; distance questions will fail until it is fixed'));

  const notices = startNotices({ config, core, storage, logger, teams, slack });
  const purge = createRetentionPurge({ storage, clock: systemClock, retentionDays: config.retentionDays, logger: logger.child({ module: 'feedback' }) });
  purge.start();

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `stopping (${signal}): finishing running requests and notices`);
    const force = setTimeout(() => {
      logger.error({ signal }, 'stopped: shutdown took longer than 10 s');
      process.exit(1);
    }, 10_000);
    force.unref();
    Promise.all([notices.stop(), purge.stop()])
      .then(() => host.close())
      .then(() => storage.close())
      .then(() => {
        logger.info({ signal }, 'stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ error: reasonOf(error) }, 'stopped: shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => refuse(`Cannot start: ${reasonOf(error)}`));
