// Start-up failures of the terminal tools: bad knowledge, config or database is printed with what to fix,
// without a stack trace, and the process exits non-zero.
import { ConfigError } from '../../src/config.js';
import { isCodedError } from '../../src/errors.js';
import { KnowledgeError } from '../../src/knowledge/load.js';
import { StorageError } from '../../src/storage/storage.js';

/** Prints why the tool cannot start and exits with code 1. */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof KnowledgeError || error instanceof ConfigError || error instanceof StorageError || isCodedError(error)) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}
