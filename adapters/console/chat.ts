// `npm run chat`: an interactive chat with the assistant in the terminal, no account needed. It keeps
// subscriptions and the project in the same database as the service (DATA_DIR), so `abonneer`, `project`,
// `herinneringen` and `deadlines` work as in a channel, and `npm run notices -- --at …` lists the notices
// due for this terminal conversation.
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { createCore } from '../../src/core.js';
import { DATABASE_FILE, openSqliteStorage } from '../../src/storage/sqlite.js';
import { t } from '../../src/texts.js';
import { runConsoleChat } from './app.js';
import { consoleConversation } from './notices.js';
import { exitOnStartupError } from './startup.js';

const USAGE = `Usage: npm run chat
  Type a question or a command (help lists them all), or the number of a choice; an empty line ends.
  Subscriptions and the project are kept in DATA_DIR (default ./data), as by the service.
`;

/** Reads the arguments: only --help; anything else is a usage error (exit 2). */
function readArgs(args: string[]): { help: boolean } {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h', default: false } }, strict: true }).values;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(args: string[]): Promise<void> {
  if (readArgs(args).help) {
    process.stdout.write(USAGE);
    return;
  }
  const config = loadConfig();
  let storage: ReturnType<typeof openSqliteStorage>;
  try {
    storage = openSqliteStorage(config.dataDir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Cannot open the database in DATA_DIR (${config.dataDir}): ${reason}\n`);
    process.exit(1);
  }
  const { assistant } = createCore({ knowledgeDir: config.knowledgeDir, storage, noticeTimezone: config.noticeTimezone });
  const path = join(config.dataDir, DATABASE_FILE);
  await runConsoleChat({
    assistant,
    conversation: consoleConversation(userInfo().username),
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
    banner: [t('nl', 'consoleData', { path }), t('en', 'consoleData', { path })],
  });
  await storage.close();
}

main(process.argv.slice(2)).catch(exitOnStartupError);
