// Chooses the storage from the config: PostgreSQL when DATABASE_URL is set (several replicas share it),
// otherwise the SQLite file in DATA_DIR (one server).
import type { Config } from '../config.js';
import { openPostgresStorage } from './postgres.js';
import { openSqliteStorage } from './sqlite.js';
import type { Storage } from './storage.js';

export interface OpenStorageOptions {
  /** Opens an existing, migrated store without changing it. */
  readonly?: boolean;
  /** Told about a PostgreSQL connection that failed while idle. */
  onIdleError?: (error: Error) => void;
}

/** Opens (creating and migrating, unless read-only) the store the config names. */
export async function openStorage(config: Pick<Config, 'dataDir' | 'databaseUrl'>, options: OpenStorageOptions = {}): Promise<Storage> {
  if (config.databaseUrl) return openPostgresStorage(config.databaseUrl, options);
  return openSqliteStorage(config.dataDir, { readonly: options.readonly });
}

/** Where the store is, for logs and error messages: the PostgreSQL host and database without credentials, or the DATA_DIR. */
export function describeStorage(config: Pick<Config, 'dataDir' | 'databaseUrl'>): string {
  if (!config.databaseUrl) return `SQLite in DATA_DIR (${config.dataDir})`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
