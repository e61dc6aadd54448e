import { sql, type Kysely } from 'kysely';
import { createStudioTable, index } from './table-builder.js';
import type { DialectName } from '../database.js';

/**
 * Referral programs and loyalty rewards (SPEC §5):
 * - `clients.referral_enrolled_at`: when the client joined their referral program, since a program
 *   may require referred clients to be created within N days of it. Clients enrolled before this
 *   version get their last change as the best guess there is.
 * - `loyalty_rewards.referred_client_id`: the referral a reward pays for. One reward per client per
 *   referred client, by unique index, so that a referral is never paid twice.
 * - `loyalty_redemptions`: each partial or full redemption, so that a balance can be explained.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('clients').addColumn('referral_enrolled_at', 'text').execute();
  await sql`update clients set referral_enrolled_at = updated_at where referral_program_id is not null`.execute(
    db,
  );
  await db.schema
    .alterTable('loyalty_rewards')
    .addColumn('referred_client_id', 'bigint', (col) => col.references('clients.id').onDelete('set null'))
    .execute();
  await index(db, 'loyalty_rewards', ['studio_id', 'referred_client_id', 'client_id'], true);
  await createStudioTable(db, dialect, 'loyalty_redemptions', [
    ['loyalty_reward_id', 'ref', 'loyalty_rewards.id', 'cascade'],
    ['amount_cents', 'money', 'not null'],
    ['invoice_id', 'ref', 'invoices.id', 'set null'],
    ['note', 'text'],
    ['user_id', 'ref', 'users.id', 'set null'],
  ]);
  await index(db, 'loyalty_redemptions', ['loyalty_reward_id', 'id']);
}
