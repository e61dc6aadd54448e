import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName, Store } from './database.js';
import * as studioData from './migrations/0001-studio-data.js';
import * as historyAndAccess from './migrations/0002-history-and-access.js';
import * as templatesAndTriggers from './migrations/0003-templates-and-triggers.js';
import * as triggeredItems from './migrations/0004-triggered-items.js';
import * as controlCenter from './migrations/0005-control-center.js';
import * as communications from './migrations/0006-communications.js';
import * as eventIndexes from './migrations/0007-event-indexes.js';
import * as delivery from './migrations/0009-delivery.js';
import * as evaluationIndexes from './migrations/0010-evaluation-indexes.js';
import * as studioSmtp from './migrations/0011-studio-smtp.js';
import * as communicationAttachments from './migrations/0012-communication-attachments.js';
import * as deliveryClaimIndex from './migrations/0013-delivery-claim-index.js';
import * as inboundSms from './migrations/0014-inbound-sms.js';
import * as emailEvents from './migrations/0015-email-events.js';
import * as webFormAnswers from './migrations/0016-web-form-answers.js';
import * as referralRewards from './migrations/0017-referral-rewards.js';
import * as recordCommunicationsIndex from './migrations/0018-record-communications-index.js';

type Step = { up(db: Kysely<unknown>, dialect: DialectName): Promise<void> };

/** Migrations in order. Names are stored in the database: never rename one that has shipped. */
const STEPS: Record<string, Step> = {
  '0001-studio-data': studioData,
  '0002-history-and-access': historyAndAccess,
  '0003-templates-and-triggers': templatesAndTriggers,
  '0004-triggered-items': triggeredItems,
  '0005-control-center': controlCenter,
  '0006-communications': communications,
  '0007-event-indexes': eventIndexes,
  // 0008 was never shipped; numbers are only ever added after the last one that has.
  '0009-delivery': delivery,
  '0010-evaluation-indexes': evaluationIndexes,
  '0011-studio-smtp': studioSmtp,
  '0012-communication-attachments': communicationAttachments,
  '0013-delivery-claim-index': deliveryClaimIndex,
  '0014-inbound-sms': inboundSms,
  '0015-email-events': emailEvents,
  '0016-web-form-answers': webFormAnswers,
  '0017-referral-rewards': referralRewards,
  '0018-record-communications-index': recordCommunicationsIndex,
};

class RegistryMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const [name, step] of Object.entries(STEPS)) {
      migrations[name] = { up: (db) => step.up(db, this.dialect) };
    }
    return migrations;
  }
}

/**
 * Brings the schema up to date. Safe when several processes start at once: on PostgreSQL Kysely
 * holds an advisory lock; on SQLite our dialect lets Kysely run the pending migrations in one
 * transaction that starts with BEGIN IMMEDIATE, so a second process waits for the first and then
 * finds nothing left to do (docs/decisions.md, "Migrations under concurrency").
 */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: new RegistryMigrationProvider(store.dialect),
    // Without a schema Kysely finds its tables in any schema of the database, including another
    // deployment's; name ours.
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
