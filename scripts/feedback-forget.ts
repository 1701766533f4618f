// `npm run feedback:forget -- slack:U123`: deletes every 👍/👎 of one user, for a request to erase their
// data. Votes are stored under a salted hash of the user's id, so this needs the same DATA_DIR and
// FEEDBACK_SALT as `npm start`. Prints how many votes were deleted.
import { parseArgs } from 'node:util';
import { exitOnStartupError } from '../adapters/console/startup.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { forgetFeedbackUser, parseFeedbackUser } from '../src/feedback/forget.js';
import { openStorage } from '../src/storage/open.js';

const USAGE = 'usage: npm run feedback:forget -- <platform:userId, e.g. slack:U123 or teams:<Entra object id>>';

async function main(args: string[]): Promise<void> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, allowPositionals: true, options: {} }));
  } catch {
    positionals = [];
  }
  const user = positionals.length === 1 ? parseFeedbackUser(positionals[0] ?? '') : undefined;
  if (!user) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const config = loadConfig();
  const storage = await openStorage(config);
  try {
    const deleted = await forgetFeedbackUser(storage, config.feedbackSalt, systemClock, user);
    const languages = await storage.deleteConversationLangsOf(user.platform, user.userId);
    process.stdout.write(`${deleted} vote(s) and ${languages} remembered conversation language(s) of ${user.platform}:${user.userId} deleted.\n`);
  } finally {
    await storage.close();
  }
}

main(process.argv.slice(2)).catch(exitOnStartupError);
