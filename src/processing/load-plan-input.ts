import { localDateOf } from '../domain/local-date.js';
import { normalizeEmail } from '../domain/email-address.js';
import { normalizePhone } from '../domain/phone-number.js';
import {
  clientRecipient,
  familyMemberRecipient,
  staffRecipient,
  studioRecipient,
  type Recipient,
} from '../domain/recipient.js';
import { recordKind } from '../domain/record-kinds/index.js';
import type { TriggerDefinition } from '../domain/triggers/trigger-definition.js';
import { buildMergeData } from '../templates/build-merge-data.js';
import type { TemplateBasis } from '../templates/merge-fields.js';
import type { MergeData } from '../templates/render-template.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { Db } from '../store/database.js';
import { studioContextOf } from '../store/studio-context.js';
import type { StudioRow } from '../store/studios.js';
import type { TemplateRow } from '../store/templates.js';
import type { PlanInput } from './plan-action.js';

type Row = Record<string, unknown>;

/**
 * Reads what planning an item's action needs, bounded by the item and not by the studio: the
 * record's merge data (with the family member when Send To names one), the templates the action
 * uses, and the block-list and STOP rows of the recipient's own addresses.
 */
export async function loadPlanInput(
  trx: Db,
  studio: StudioRow,
  trigger: TriggerDefinition,
  item: { readonly record_kind: string; readonly record_id: number },
  now: Date,
  webFormUrl: string | null,
  unsubscribeUrl: string | null,
): Promise<PlanInput> {
  const basis = item.record_kind as TemplateBasis;
  const settings = trigger.action_settings;
  let data = await buildMergeData(trx, studio, basis, item.record_id);
  const clientRow = (data.client ?? null) as Row | null;
  const client = clientRow ? clientRecipient(clientRow) : null;
  let recipient: Recipient | null = client;
  let noRecipient: string | null = client ? null : 'no recipient: the record has no client';
  const sendTo = settings.send_to ?? { to: 'client' };
  if (sendTo.to === 'family_member') {
    const member = client
      ? await familyMemberOf(trx, studio.id, client.clientId as number, sendTo.relationship_id)
      : null;
    if (member && client) {
      data = await buildMergeData(trx, studio, basis, item.record_id, { familyMemberId: Number(member.id) });
      recipient = familyMemberRecipient(data.family_member as Row, client);
    } else {
      recipient = null;
      noRecipient = 'no recipient: the client has no family member of the chosen relationship';
    }
  } else if (sendTo.to === 'staff') {
    const staff = staffOf(data, basis);
    recipient = staff ? staffRecipient(staff) : null;
    noRecipient = staff ? null : 'no recipient: the record has no staff member';
  } else if (sendTo.to === 'studio') {
    recipient = studioRecipient(studio as unknown as Row);
    noRecipient = null;
  }
  const reachable = [recipient, client].filter((r): r is Recipient => r !== null);
  const templateIds = [
    settings.email_template_id,
    settings.sms_template_id,
    settings.letter_template_id,
  ].filter((id): id is number => typeof id === 'number');
  return {
    studio,
    workWeek: studioContextOf(studio).workWeek,
    trigger,
    basis,
    recordId: item.record_id,
    data,
    recipient,
    noRecipient,
    client,
    clientProgramId: numberOrNull(clientRow?.referral_program_id),
    rules: {
      marketingOnly: trigger.exclusions.allow_marketing === true,
      blockedEmails: await blockedEmails(trx, studio.id, reachable),
      bypassBlocks: settings.transactional === true && studio.bypass_email_blocks === 1,
      optedOut: await optedOut(trx, studio.id, reachable, studio.country),
      country: studio.country,
    },
    templates: await templatesOf(trx, studio.id, templateIds),
    now,
    today: localDateOf(now, studio.time_zone),
    webFormUrl,
    unsubscribeUrl,
  };
}

const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);

async function familyMemberOf(
  trx: Db,
  studioId: number,
  clientId: number,
  relationshipId: number,
): Promise<LooseRow | undefined> {
  // The first one entered, when a client has several of the relationship (two children).
  return (await loose(trx)
    .selectFrom('family_members')
    .select('id')
    .where('studio_id', '=', studioId)
    .where('client_id', '=', clientId)
    .where('relationship_id', '=', relationshipId)
    .orderBy('id')
    .executeTakeFirst()) as LooseRow | undefined;
}

/** The record's staff member: its first staff-user field (photographer, assignee, staff member). */
function staffOf(data: MergeData, basis: TemplateBasis): Row | null {
  const field = recordKind(basis).fields.find((f) => f.ref === 'user');
  if (!field) return null;
  const staff = data[field.name.replace(/_id$/, '')];
  return staff && typeof staff === 'object' && !Array.isArray(staff) ? (staff as Row) : null;
}

async function blockedEmails(
  trx: Db,
  studioId: number,
  recipients: readonly Recipient[],
): Promise<Set<string>> {
  const addresses = recipients
    .flatMap((r) => r.emails)
    .map((e) => normalizeEmail(e)?.toLowerCase())
    .filter((a): a is string => a !== undefined);
  if (addresses.length === 0) return new Set();
  const rows = (await loose(trx)
    .selectFrom('email_blocks')
    .select('address')
    .where('studio_id', '=', studioId)
    .where('address', 'in', addresses)
    .where('lifted_at', 'is', null)
    .execute()) as LooseRow[];
  return new Set(rows.map((r) => String(r.address)));
}

async function optedOut(
  trx: Db,
  studioId: number,
  recipients: readonly Recipient[],
  country: string,
): Promise<Set<string>> {
  const numbers = recipients
    .flatMap((r) => r.phones)
    .map((p) => normalizePhone(p.number, country))
    .flatMap((parsed) => (parsed.ok ? [parsed.e164] : []));
  if (numbers.length === 0) return new Set();
  const rows = (await loose(trx)
    .selectFrom('sms_opt_outs')
    .select('number')
    .where('studio_id', '=', studioId)
    .where('number', 'in', numbers)
    .execute()) as LooseRow[];
  return new Set(rows.map((r) => String(r.number)));
}

async function templatesOf(
  trx: Db,
  studioId: number,
  ids: readonly number[],
): Promise<Map<number, TemplateRow>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('templates')
    .selectAll()
    .where('studio_id', '=', studioId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((t) => [Number(t.id), t]));
}
