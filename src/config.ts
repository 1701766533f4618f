// Reads the environment once, checks it with zod and returns a frozen config that is passed down.
// Platform variables keep the names the platforms use (SLACK_*, MicrosoftApp*).
import { isIP } from 'node:net';
import { config as loadDotenv } from 'dotenv';
import { IANAZone } from 'luxon';
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url({ protocol: /^https?$/ }).optional())
  .optional();

/** A host to listen on: an IP address or a host name (not a dotted quad that is no IPv4 address). */
const hostName = z
  .string()
  .refine(
    (value) => isIP(value) !== 0 || (!/^[\d.]+$/.test(value) && /^(?=.{1,253}$)[a-z\d]([a-z\d-]*[a-z\d])?(\.[a-z\d]([a-z\d-]*[a-z\d])?)*$/i.test(value)),
    'must be an IP address (0.0.0.0 for every interface, 127.0.0.1 for this machine only) or a host name',
  );

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: hostName.default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KNOWLEDGE_DIR: z.string().trim().min(1).default('knowledge'),
  DATA_DIR: z.string().trim().min(1).default('data'),

  SLACK_BOT_TOKEN: optionalString.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_API_URL: optionalUrl,

  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  // Microsoft no longer allows new multi-tenant bots (docs/teams-setup.md).
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: optionalString,
  TEAMS_APP_DOMAIN: optionalString,

  BOT_ADMINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .pipe(z.array(z.string().regex(/^(slack|teams):.+$/, 'each admin is written platform:userId, e.g. slack:U123'))),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  FEEDBACK_SALT: optionalString,
  NOTICE_TIMEZONE: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Europe/Amsterdam')
    .default('Europe/Amsterdam'),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
});

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken: string | undefined;
  apiUrl: string | undefined;
}

export interface TeamsConfig {
  appId: string | undefined;
  appPassword: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string | undefined;
  domain: string | undefined;
}

export interface Config {
  port: number;
  host: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  knowledgeDir: string;
  dataDir: string;
  /** Undefined when Slack is not configured (no bot token and signing secret). */
  slack: SlackConfig | undefined;
  /** Teams runs without auth (Bot Framework Emulator) when `appId` is undefined. */
  teams: TeamsConfig;
  admins: readonly string[];
  retentionDays: number;
  feedbackSalt: string | undefined;
  noticeTimezone: string;
  schedulerIntervalSeconds: number;
}

/** Error code and message for configuration that cannot start the service. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (.env or environment):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Rules that tie variables together, checked on the raw values so that they are reported with the rest. */
function crossCheck(env: NodeJS.ProcessEnv): string[] {
  const set = (name: string): boolean => (env[name] ?? '').trim() !== '';
  const problems: string[] = [];
  if (set('SLACK_BOT_TOKEN') !== set('SLACK_SIGNING_SECRET')) {
    problems.push('SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET: set both to turn Slack on, or neither to leave it off');
  }
  if (set('SLACK_APP_TOKEN') && !set('SLACK_BOT_TOKEN')) {
    problems.push('SLACK_APP_TOKEN: Socket Mode also needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  }
  const appType = (env.MicrosoftAppType ?? '').trim() || 'SingleTenant';
  if (set('MicrosoftAppId') && appType !== 'UserAssignedMSI' && !set('MicrosoftAppPassword')) {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set (except for UserAssignedMSI)');
  }
  if (set('MicrosoftAppId') && appType !== 'MultiTenant' && !set('MicrosoftAppTenantId')) {
    problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${appType} (the default is SingleTenant; see docs/teams-setup.md)`);
  }
  return problems;
}

/** The variables the schema knows, trimmed, with empty values left out: empty means the default. */
function present(env: NodeJS.ProcessEnv): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of Object.keys(EnvSchema.shape)) {
    const value = env[name]?.trim();
    if (value) values[name] = value;
  }
  return values;
}

/** Parses the environment into a frozen config; throws `ConfigError` naming every bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(present(env));
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    ...crossCheck(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const slack =
    e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET
      ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL }
      : undefined;

  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    knowledgeDir: e.KNOWLEDGE_DIR,
    dataDir: e.DATA_DIR,
    slack: slack && Object.freeze(slack),
    teams: Object.freeze({
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      domain: e.TEAMS_APP_DOMAIN,
    }),
    admins: Object.freeze([...e.BOT_ADMINS]),
    retentionDays: e.RETENTION_DAYS,
    feedbackSalt: e.FEEDBACK_SALT,
    noticeTimezone: e.NOTICE_TIMEZONE,
    schedulerIntervalSeconds: e.SCHEDULER_INTERVAL_SECONDS,
  });
}

/** Reads `.env` (when present) into the environment, then parses it: the one place the environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  loadDotenv({ quiet: true, processEnv: env });
  return readConfig(env);
}

/** The two values the Teams app package needs (MicrosoftAppId, TEAMS_APP_DOMAIN), from `.env` and the environment, without the service's other rules. */
export function loadTeamsPackageValues(env: NodeJS.ProcessEnv = process.env): { MicrosoftAppId: string | undefined; TEAMS_APP_DOMAIN: string | undefined } {
  loadDotenv({ quiet: true, processEnv: env });
  return { MicrosoftAppId: env.MicrosoftAppId, TEAMS_APP_DOMAIN: env.TEAMS_APP_DOMAIN };
}
