import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { idColumn, index } from './table-builder.js';

/** Status history, the consent ledger, and the tables behind staff sign-in and API tokens. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  // One row per stay of a record in a status. Status triggers key their occurrences on these rows.
  await idColumn(db.schema.createTable('status_history'), dialect)
    .addColumn('studio_id', 'bigint', (col) => col.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('record_kind', 'text', (col) => col.notNull())
    .addColumn('record_id', 'bigint', (col) => col.notNull())
    .addColumn('status_id', 'bigint', (col) => col.notNull().references('statuses.id').onDelete('restrict'))
    .addColumn('entered_at', 'text', (col) => col.notNull())
    .addColumn('due_date', 'text')
    .addColumn('left_at', 'text')
    .addColumn('user_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('note', 'text')
    .execute();
  await index(db, 'status_history', ['studio_id', 'record_kind', 'record_id', 'entered_at']);
  await index(db, 'status_history', ['studio_id', 'status_id', 'entered_at']);

  await idColumn(db.schema.createTable('consent_events'), dialect)
    .addColumn('studio_id', 'bigint', (col) => col.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('client_id', 'bigint', (col) => col.references('clients.id').onDelete('set null'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('address', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('user_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await index(db, 'consent_events', ['studio_id', 'client_id', 'at']);
  await index(db, 'consent_events', ['studio_id', 'address', 'at']);

  await db.schema
    .createTable('login_sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('studio_id', 'bigint', (col) => col.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .execute();
  await index(db, 'login_sessions', ['user_id']);

  await idColumn(db.schema.createTable('api_tokens'), dialect)
    .addColumn('studio_id', 'bigint', (col) => col.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('prefix', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await index(db, 'api_tokens', ['studio_id', 'created_at']);

  await idColumn(db.schema.createTable('login_failures'), dialect)
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('ip', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await index(db, 'login_failures', ['email', 'at']);
  await index(db, 'login_failures', ['ip', 'at']);
}
