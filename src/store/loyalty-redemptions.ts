import { conflict, notFound, validationError } from '../domain/errors.js';
import { localDateOf } from '../domain/local-date.js';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';
import type { Actor, StudioContext } from './studio-context.js';
import { findStudioRow } from './studio-row.js';

export interface Redemption {
  readonly amount_cents: number;
  readonly invoice_id: number | null;
  readonly note: string | null;
}

export interface RedemptionJson {
  id: number;
  loyalty_reward_id: number;
  amount_cents: number;
  invoice_id: number | null;
  note: string | null;
  user_id: number | null;
  created_at: string;
}

/** A reward's balance as staff read it: what is left, and whether it can still be used. */
export function rewardBalance(reward: LooseRow, today: string) {
  const remaining = Number(reward.amount_cents) - Number(reward.redeemed_cents);
  const expired = reward.expiration_date != null && String(reward.expiration_date) < today;
  const state = remaining <= 0 ? 'fully_redeemed' : expired ? 'expired' : 'available';
  return { remaining_cents: Math.max(remaining, 0), state };
}

/**
 * Redeems part or all of a loyalty reward, as studio credit on an invoice or at the counter. The
 * amount may not exceed what is left, an expired reward (its expiration date before the studio's
 * today) is refused, and an invoice must be one of the reward's client's. The redemption is kept,
 * and the reward's `redeemed_cents` and `updated_at` move in the same transaction, so that Loyalty
 * Reward triggers re-check it (their "fully redeemed" exclusion withdraws pending items).
 */
export async function redeemReward(
  db: Db,
  studio: StudioContext,
  rewardId: number,
  redemption: Redemption,
  actor: Actor,
  now: Date,
) {
  const at = now.toISOString();
  const today = localDateOf(now, studio.timeZone);
  const id = await db.transaction().execute(async (trx) => {
    const reward = await findStudioRow(trx, 'loyalty_rewards', studio.id, rewardId);
    if (!reward) throw notFound('Loyalty reward', rewardId);
    if (redemption.invoice_id !== null) {
      const invoice = await findStudioRow(trx, 'invoices', studio.id, redemption.invoice_id);
      const problem = !invoice
        ? `invoice ${redemption.invoice_id} does not exist`
        : Number(invoice.client_id) !== Number(reward.client_id)
          ? "must be an invoice of the reward's client"
          : null;
      if (problem !== null) {
        throw validationError([{ path: 'invoice_id', problem }], 'The redemption is not valid');
      }
    }
    const { remaining_cents: remaining, state } = rewardBalance(reward, today);
    if (state === 'fully_redeemed') throw conflict(`Loyalty reward ${rewardId} is already fully redeemed`);
    if (state === 'expired') {
      throw conflict(`Loyalty reward ${rewardId} expired on ${String(reward.expiration_date)}`);
    }
    if (redemption.amount_cents > remaining) {
      throw validationError(
        [{ path: 'amount_cents', problem: `must be at most ${remaining}, what is left of the reward` }],
        'The redemption is not valid',
      );
    }
    // Guarded by the balance read above, so that two redemptions racing cannot overdraw it.
    const moved = await loose(trx)
      .updateTable('loyalty_rewards')
      .set({ redeemed_cents: Number(reward.redeemed_cents) + redemption.amount_cents, updated_at: at })
      .where('studio_id', '=', studio.id)
      .where('id', '=', rewardId)
      .where('redeemed_cents', '=', reward.redeemed_cents)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      throw conflict(`Loyalty reward ${rewardId} was redeemed at the same time; try again`);
    }
    const row = (await loose(trx)
      .insertInto('loyalty_redemptions')
      .values({
        studio_id: studio.id,
        loyalty_reward_id: rewardId,
        amount_cents: redemption.amount_cents,
        invoice_id: redemption.invoice_id,
        note: redemption.note,
        user_id: actor.userId,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()) as LooseRow;
    return Number(row.id);
  });
  const reward = (await findStudioRow(db, 'loyalty_rewards', studio.id, rewardId)) as LooseRow;
  const redemptions = await listRedemptions(db, studio.id, rewardId);
  return {
    redemption: redemptions.find((r) => r.id === id),
    reward: { id: rewardId, amount_cents: Number(reward.amount_cents), ...balanceOf(reward, today) },
  };
}

function balanceOf(reward: LooseRow, today: string) {
  return { redeemed_cents: Number(reward.redeemed_cents), ...rewardBalance(reward, today) };
}

/** A reward's redemptions, oldest first; 404 when the reward is not the studio's. */
export async function listRedemptions(db: Db, studioId: number, rewardId: number): Promise<RedemptionJson[]> {
  if (!(await findStudioRow(db, 'loyalty_rewards', studioId, rewardId)))
    throw notFound('Loyalty reward', rewardId);
  const rows = (await loose(db)
    .selectFrom('loyalty_redemptions')
    .selectAll()
    .where('studio_id', '=', studioId)
    .where('loyalty_reward_id', '=', rewardId)
    .orderBy('id')
    .execute()) as LooseRow[];
  return rows.map((row) => ({
    id: Number(row.id),
    loyalty_reward_id: Number(row.loyalty_reward_id),
    amount_cents: Number(row.amount_cents),
    invoice_id: row.invoice_id == null ? null : Number(row.invoice_id),
    note: row.note == null ? null : String(row.note),
    user_id: row.user_id == null ? null : Number(row.user_id),
    created_at: String(row.created_at),
  }));
}
