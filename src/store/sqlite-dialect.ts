import type { DatabaseConnection, DialectAdapter, SqliteDialectConfig } from 'kysely';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';

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

/**
 * Kysely assumes SQLite cannot roll back DDL and so runs migrations outside a transaction, with a
 * migration "lock" that only guards one process. SQLite's DDL is transactional; saying so makes
 * Kysely run all pending migrations in one transaction, which the driver above begins IMMEDIATE:
 * a second process migrating the same file waits for the first to commit, then finds nothing to
 * do, and a failed migration leaves no half-built schema behind.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
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

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
