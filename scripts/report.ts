// `npm run report [-- --lang en] [--json]`: prints the feedback report (answers per phase and entry with
// their 👍/👎, the unanswered questions to add next, the answers that did not help) for whoever runs the
// service, from the same DATA_DIR, knowledge and RETENTION_DAYS as `npm start`. It reads the database
// without changing it. In a chat the same report is the `report` command of the admins in BOT_ADMINS.
import { parseArgs } from 'node:util';
import { exitOnStartupError } from '../adapters/console/startup.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { loadReport } from '../src/feedback/report.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { toPlainText } from '../src/plain-text.js';
import { openSqliteStorage } from '../src/storage/sqlite.js';
import { StorageError, type Storage } from '../src/storage/storage.js';

const USAGE = 'usage: npm run report -- [--lang nl|en] [--json]';

async function main(): Promise<void> {
  let values: { lang?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { lang: { type: 'string', default: 'nl' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const lang = values.lang;
  if (lang !== 'nl' && lang !== 'en') {
    process.stderr.write(`--lang: "${lang}" is not nl or en.\n${USAGE}\n`);
    process.exit(2);
  }

  let config: ReturnType<typeof loadConfig>;
  let storage: Storage;
  try {
    config = loadConfig();
    storage = openSqliteStorage(config.dataDir, { readonly: true });
  } catch (error) {
    if (error instanceof StorageError && error.code === 'STORAGE_MISSING') {
      process.stderr.write(`${error.message} There is no feedback to report yet.\n`);
      return;
    }
    return exitOnStartupError(error);
  }
  try {
    const knowledge = loadKnowledge(config.knowledgeDir);
    const report = await loadReport({ knowledge, storage, now: systemClock.now(), days: config.retentionDays, zone: config.noticeTimezone, lang });
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${toPlainText(report)}\n`);
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => exitOnStartupError(error));
