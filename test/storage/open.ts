// Opens SQLite storage in a temporary (or given) data directory for a test and closes and removes it after
// the test, so each test file needs no cleanup code of its own.
import { afterEach } from 'vitest';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/storage.js';
import { tempDataDir } from '../notices/helpers.js';

let cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** Runs `cleanup` after the current test, before the storage opened earlier in it is closed. */
export function afterThisTest(cleanup: () => void | Promise<void>): void {
  cleanups.push(cleanup);
}

/** SQLite storage in `dir`, or in a fresh temporary directory removed after the test. */
export function openTestStorage(dir?: string): { storage: Storage; dir: string } {
  const temp = dir ? { dir, cleanup: () => undefined } : tempDataDir();
  const storage = openSqliteStorage(temp.dir);
  cleanups.push(temp.cleanup, () => storage.close());
  return { storage, dir: temp.dir };
}
