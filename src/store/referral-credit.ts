import type { Transaction } from 'kysely';
import { DateTime } from 'luxon';
import { randomInt } from 'node:crypto';
import { localDateOf } from '../domain/local-date.js';
import { recordKind, type RecordKind } from '../domain/record-kinds/index.js';
import type { StoredRow } from '../domain/validate-record-input.js';
import { loose, type LooseRow } from './record-table.js';
import { insertRecord } from './records.js';
import type { Database } from './schema.js';
import type { Actor, StudioContext } from './studio-context.js';
import { findStudioRow } from './studio-row.js';

/**
 * The columns a write adds when it sets a client's referral program: the enrolment time, which a
 * program's "created within N days" requirement counts from. Clearing the program clears it.
 */
export function enrolmentStamp(kind: RecordKind, changes: StoredRow, at: string): StoredRow {
  if (kind.name !== 'client' || !('referral_program_id' in changes)) return {};
  return { referral_enrolled_at: changes.referral_program_id == null ? null : at };
}

/**
 * After a client or session is written: the client whose referral the write may have completed.
 * A referral is judged when the referred client is created or gets a referrer, and when one of
 * their sessions is booked, un-canceled or moved to them. Imports and the demo bring history, not
 * new referrals, so they pay nothing.
 */
export function referredClientOfWrite(
  kind: RecordKind,
  recordId: number,
  changes: StoredRow,
  row: StoredRow,
  actor: Actor,
): number | null {
  if (actor.source === 'import' || actor.source === 'demo') return null;
  if (kind.name === 'client' && changes.referred_by_client_id != null) return recordId;
  if (kind.name !== 'session' || row.client_id == null) return null;
  const booked = 'client_id' in changes || ('canceled' in changes && changes.canceled === 0);
  return booked && row.canceled !== 1 ? Number(row.client_id) : null;
}

/** Why a referral paid nothing yet, or null when it pays now. */
export function unmetRequirement(
  referrer: LooseRow,
  referred: LooseRow,
  program: LooseRow,
  hasBookedSession: boolean,
  zone: string,
): string | null {
  if (Number(program.is_active) !== 1) return 'the program is inactive';
  const enrolledAt = referrer.referral_enrolled_at == null ? null : String(referrer.referral_enrolled_at);
  const createdAt = String(referred.created_at);
  if (enrolledAt === null || createdAt < enrolledAt)
    return 'the client was referred before the referrer enrolled';
  if (program.referred_within_days != null) {
    const limit = DateTime.fromISO(enrolledAt, { zone }).plus({ days: Number(program.referred_within_days) });
    if (DateTime.fromISO(createdAt) > limit) {
      return `the client was created more than ${Number(program.referred_within_days)} days after the referrer enrolled`;
    }
  }
  if (Number(program.requires_session_booked) === 1 && !hasBookedSession) return 'no session is booked yet';
  return null;
}

/**
 * Pays a referral once the referred client meets the program's requirements: a loyalty reward to
 * the referrer and, when the program says so, one to the referred client, inside the caller's
 * transaction. Written as records, so that Loyalty Reward triggers see them like any other. A
 * referral pays once per client, whatever programs come later: the rewards name the referred
 * client, and a unique index refuses a second one.
 */
export async function creditReferral(
  trx: Transaction<Database>,
  studio: StudioContext,
  referredClientId: number,
  now: Date,
): Promise<number[]> {
  const referred = await findStudioRow(trx, 'clients', studio.id, referredClientId);
  const referrerId = referred?.referred_by_client_id;
  if (!referred || referrerId == null || Number(referrerId) === referredClientId) return [];
  const referrer = await findStudioRow(trx, 'clients', studio.id, Number(referrerId));
  if (!referrer || referrer.referral_program_id == null) return [];
  const program = await findStudioRow(
    trx,
    'referral_programs',
    studio.id,
    Number(referrer.referral_program_id),
  );
  if (!program) return [];
  const paid = await loose(trx)
    .selectFrom('loyalty_rewards')
    .select('id')
    .where('studio_id', '=', studio.id)
    .where('referred_client_id', '=', referredClientId)
    .executeTakeFirst();
  if (paid) return [];
  const booked = await loose(trx)
    .selectFrom('sessions')
    .select('id')
    .where('studio_id', '=', studio.id)
    .where('client_id', '=', referredClientId)
    .where('canceled', '=', 0)
    .executeTakeFirst();
  if (unmetRequirement(referrer, referred, program, booked !== undefined, studio.timeZone) !== null)
    return [];

  const name = `${String(referred.first_name)} ${String(referred.last_name)}`;
  const rewards = [
    {
      clientId: Number(referrerId),
      cents: Number(program.referrer_reward_cents),
      note: `For referring ${name}`,
    },
    {
      clientId: referredClientId,
      cents: Number(program.referred_reward_cents),
      note: 'Welcome reward for being referred',
    },
  ].filter((reward) => reward.cents > 0);
  const issued = localDateOf(now, studio.timeZone);
  const expires =
    program.reward_valid_days == null
      ? null
      : DateTime.fromISO(issued)
          .plus({ days: Number(program.reward_valid_days) })
          .toISODate();
  const actor: Actor = { userId: null, source: 'system' };
  const ids: number[] = [];
  for (const reward of rewards) {
    const values: StoredRow = {
      client_id: reward.clientId,
      code: rewardCode(),
      amount_cents: reward.cents,
      redeemed_cents: 0,
      issued_date: issued,
      expiration_date: expires,
      referral_program_id: Number(program.id),
      referred_client_id: referredClientId,
      notes: `${reward.note} (${String(program.name)})`,
    };
    ids.push(
      await insertRecord(trx, studio, recordKind('loyalty_reward'), { values, collections: {} }, actor, now),
    );
  }
  return ids;
}

// No 0/O or 1/I, so a code read out over the phone is typed right.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A reward code: REF- and ten random characters (50 bits), so two never meet in practice. */
function rewardCode(): string {
  let code = 'REF-';
  for (let i = 0; i < 10; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
