import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { localDateOf } from '../domain/local-date.js';
import { ACTIONS } from '../domain/triggers/trigger-actions.js';
import { rulesOf } from '../engine/evaluate-trigger.js';
import { evaluationTriggerOf } from '../engine/evaluation-trigger.js';
import { recordTransitions, type ItemActor, type ItemState } from '../engine/item-transitions.js';
import { itemRows, judgeItemRows } from '../engine/recheck-items.js';
import { claimRow } from '../store/claim-row.js';
import type { DeliveryChannel } from '../delivery/channel.js';
import type { DeliveryProviders } from '../delivery/delivery-channels.js';
import type { DispatchOptions } from '../delivery/dispatch-outbox.js';
import { studioProviders } from '../delivery/studio-providers.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { Database } from '../store/schema.js';
import { studioContextOf, type Actor } from '../store/studio-context.js';
import type { StudioRow } from '../store/studios.js';
import { triggerDefinitionOf } from '../store/trigger-rows.js';
import { findTriggerRow } from '../store/triggers.js';
import { instanceSecret } from '../store/instance-secret.js';
import { describeResult } from './describe-result.js';
import { loadPlanInput } from './load-plan-input.js';
import { planAction } from './plan-action.js';
import { pendingUnsubscribeUrl } from './unsubscribe-link.js';
import { writeActionPlan } from './write-action-plan.js';

const CAPTURE: DeliveryProviders = { email: 'capture', sms: 'capture' };

export type ProcessOutcome = 'processed' | 'withdrawn' | 'expired' | 'unchanged';

export interface ProcessSettings {
  /** Where public links (web forms) point: the server's public address. */
  readonly publicUrl: string;
  /** The channels the outbox hands deliveries to, by provider name; capture alone when absent. */
  readonly channels?: ReadonlyMap<string, DeliveryChannel>;
  /** Where new email and SMS deliveries go (`studioProviders`); capture when absent, and always for sandbox studios. */
  readonly providers?: DeliveryProviders;
  /** The wait before each send (per-sender rate limits); none when absent. */
  readonly beforeSend?: DispatchOptions['beforeSend'];
  /** Aborted when the process stops: the outbox returns what it has not sent yet. */
  readonly signal?: AbortSignal;
  /** Signs unsubscribe links (UNSUBSCRIBE_SECRET); the installation's generated one when absent. */
  readonly unsubscribeSecret?: string | null;
}

/**
 * Processes one pending item in one transaction (SPEC §3.5): claims it (two workers never both get
 * it), re-qualifies it against the trigger's filter, anchor and exclusions, and then either
 * withdraws or expires it with the reason, or writes what its action creates and marks it
 * processed with the channel actually used. A failure rolls everything back and leaves the item
 * pending, so a crash half-way creates nothing and a later run tries again.
 */
export async function processItem(
  db: Db,
  studio: StudioRow,
  itemId: number,
  actor: ItemActor,
  now: Date,
  settings: ProcessSettings,
): Promise<ProcessOutcome> {
  // Read before the transaction: the first read may write the generated secret.
  const unsubscribeSecret = settings.unsubscribeSecret ?? (await instanceSecret(db, 'unsubscribe', now));
  return db.transaction().execute(async (trx) => {
    const item = await claimRow(trx, 'triggered_items', itemId);
    if (!item || Number(item.studio_id) !== studio.id || item.state !== 'pending') return 'unchanged';
    // Items keep their trigger (its foreign key refuses a delete), so the row is there.
    const triggerRow = (await findTriggerRow(trx, studio.id, Number(item.trigger_id))) as LooseRow;
    const trigger = evaluationTriggerOf(triggerRow);
    const at = now.toISOString();
    const move = (to: ItemState, reason: string, extra: Record<string, unknown> = {}) =>
      moveItem(trx, studio.id, itemId, to, reason, actor, at, extra);
    if (!trigger) return move('withdrawn', 'the trigger has no baseline: it was never active');
    const [row] = await itemRows(trx, trigger, (query) => query.where('i.id', '=', itemId));
    const [judged] = await judgeItemRows(trx, trigger, rulesOf(trigger), row ? [row] : []);
    if (judged?.reason) return move('withdrawn', judged.reason);
    if (
      trigger.exclusions.date_is_past &&
      localDateOf(new Date(String(item.trigger_date)), studio.time_zone) < localDateOf(now, studio.time_zone)
    ) {
      return move(
        'expired',
        'expired: the day of its trigger date passed before it was processed (Triggered Date is Past)',
      );
    }
    const definition = triggerDefinitionOf(triggerRow);
    const usesForm = ACTIONS[definition.action].channels.includes('web_form');
    const token = usesForm ? randomBytes(32).toString('base64url') : null;
    const target = { id: itemId, record_kind: String(item.record_kind), record_id: Number(item.record_id) };
    const input = await loadPlanInput(
      trx,
      studio,
      definition,
      target,
      now,
      token && formUrl(settings, token),
      pendingUnsubscribeUrl(settings.publicUrl),
    );
    const plan = await planAction(input);
    const recordActor: Actor = { userId: actor.userId, source: actor.actor === 'user' ? 'staff' : 'system' };
    const context = studioContextOf(studio);
    const result = await writeActionPlan(
      {
        trx,
        studio: context,
        item: target,
        actor: recordActor,
        now,
        webFormToken: token,
        unsubscribeSecret,
        providers: settings.providers ? studioProviders(studio, settings.providers) : CAPTURE,
      },
      plan,
    );
    return move('processed', describeResult(plan), {
      channel_used: plan.channelUsed,
      result: JSON.stringify(result),
    });
  });
}

/** The public page of a web form instance (served by the web forms capability). */
export function formUrl(settings: ProcessSettings, token: string): string {
  return `${settings.publicUrl.replace(/\/+$/, '')}/forms/${token}`;
}

async function moveItem(
  trx: Transaction<Database>,
  studioId: number,
  itemId: number,
  to: ItemState,
  reason: string,
  actor: ItemActor,
  at: string,
  extra: Record<string, unknown>,
): Promise<ProcessOutcome> {
  await loose(trx)
    .updateTable('triggered_items')
    .set({ state: to, reason, updated_at: at, ...extra })
    .where('id', '=', itemId)
    .execute();
  await recordTransitions(trx, studioId, [{ itemId, from: 'pending', to, reason }], actor, at);
  return to as ProcessOutcome;
}
