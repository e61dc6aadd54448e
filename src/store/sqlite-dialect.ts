import type { DatabaseConnection, SqliteDialectConfig } from 'kysely';
import { CompiledQuery, SqliteDialect, SqliteDriver } from 'kysely';

/**
 * SQLite with every transaction started as BEGIN IMMEDIATE. A deferred transaction that reads and
 * then writes can fail at once with SQLITE_BUSY when another process (the Control Center, a second
 * server, a migration) writes meanwhile, because the busy timeout does not apply to a lock upgrade.
 * Taking the write lock up front makes concurrent writers queue on busy_timeout instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
