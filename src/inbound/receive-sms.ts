import type { Transaction } from 'kysely';
import type { Config } from '../config.js';
import { studioNow } from '../control-center/studio-now.js';
import type { DeliveryProviders } from '../delivery/delivery-channels.js';
import type { Clock } from '../domain/clock.js';
import { npsReplyOf } from '../domain/nps-reply.js';
import { smsReplyKeyword } from '../domain/sms-reply-keyword.js';
import type { Db } from '../store/database.js';
import { recordInboundSms } from '../store/inbound-sms.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { Database } from '../store/schema.js';
import { isSmsNumberOptedOut, optInSmsNumber, optOutSmsNumber } from '../store/sms-opt-outs.js';
import { constraintKind } from '../store/sql-errors.js';
import { studioContextOf } from '../store/studio-context.js';
import type { StudioRow } from '../store/studios.js';
import type { InboundSmsParams } from './inbound-sms-params.js';
import { queueSmsReply } from './queue-sms-reply.js';
import { receivingStudio } from './receiving-studio.js';
import { clientForUnknownSender } from './unknown-sender-client.js';
import { confirmRecord, recordNpsAnswer } from './sms-reply-records.js';
import { smsConversation } from './sms-conversation.js';
import { smsSenderMatch } from './sms-sender-match.js';

export interface ReceiveSmsDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Pick<Config, 'twilioFromNumber' | 'smsConversationDays'>;
  readonly providers: DeliveryProviders;
}

/** What became of an inbound SMS; `replay` when the provider sent one already stored. */
export type ReceivedSms =
  | { readonly kind: 'stored' | 'replay'; readonly studioId: number; readonly communicationId: number }
  | { readonly kind: 'unknown_number' };

/**
 * Receives one verified inbound SMS (SPEC §5): finds the studio by the receiving number and the
 * client by the sender's, stores the message unread in the Messages inbox, and acts on it in the
 * same transaction — STOP/START on the STOP list and consent ledger, HELP answered through the
 * outbox, YES confirming the session or appointment of an SMS Confirmation Message, a score for
 * an NPS SMS. Incoming Keyword triggers find the message by its `keyword` column at the next
 * evaluation. The provider's MessageSid is unique per studio, so a retried request (even two at
 * once) finds the first one's message and does nothing more.
 */
export async function receiveSms(deps: ReceiveSmsDeps, sms: InboundSmsParams): Promise<ReceivedSms> {
  const studio = await receivingStudio(deps.db, deps.config, sms.to, sms.from, deps.clock.now());
  if (!studio) return { kind: 'unknown_number' };
  const stored = await storedSms(deps.db, studio.id, sms.messageSid);
  if (stored !== null) return { kind: 'replay', studioId: studio.id, communicationId: stored };
  try {
    const communicationId = await deps.db.transaction().execute((trx) => storeAndAct(trx, deps, studio, sms));
    return { kind: 'stored', studioId: studio.id, communicationId };
  } catch (error) {
    // The same message arriving twice at once: the other request stored it, and acted on it.
    const raced =
      constraintKind(error) === 'unique' ? await storedSms(deps.db, studio.id, sms.messageSid) : null;
    if (raced === null) throw error;
    return { kind: 'replay', studioId: studio.id, communicationId: raced };
  }
}

async function storedSms(db: Db, studioId: number, messageSid: string): Promise<number | null> {
  const row = (await loose(db)
    .selectFrom('communications')
    .select('id')
    .where('studio_id', '=', studioId)
    .where('provider_message_id', '=', messageSid)
    .executeTakeFirst()) as LooseRow | undefined;
  return row ? Number(row.id) : null;
}

interface Outcome {
  readonly outcome: string;
  readonly note: string;
  readonly record?: { readonly kind: string; readonly id: number } | null;
}

async function storeAndAct(
  trx: Transaction<Database>,
  deps: ReceiveSmsDeps,
  studio: StudioRow,
  sms: InboundSmsParams,
): Promise<number> {
  const now = studioNow(studio, deps.clock);
  const since = new Date(now.getTime() - deps.config.smsConversationDays * 86_400_000);
  const conversation = await smsConversation(trx, studio.id, sms.from, since);
  const conversationClient = conversation?.client_id == null ? null : Number(conversation.client_id);
  const match = await smsSenderMatch(trx, studio.id, sms.from, conversationClient);
  let clientId = match.client_id;
  let reason = match.reason;
  if (clientId === null && studio.sms_unknown_sender_clients === 1) {
    clientId = await clientForUnknownSender(trx, studioContextOf(studio), sms.from, now);
    reason = 'no client had this number; a client was created for it (studio setting)';
  }
  const id = await recordInboundSms(
    trx,
    studio.id,
    {
      clientId,
      from: sms.from,
      to: sms.to,
      body: sms.body,
      providerMessageId: sms.messageSid,
      senderMatch: JSON.stringify({ client_ids: match.client_ids, client_id: clientId, reason }),
    },
    now,
  );
  const done = await act(trx, deps, studio, sms, clientId, conversation, now);
  await loose(trx)
    .updateTable('communications')
    .set({
      outcome: done.outcome,
      outcome_note: done.note,
      ...(done.record ? { record_kind: done.record.kind, record_id: done.record.id } : {}),
    })
    .where('id', '=', id)
    .execute();
  return id;
}

/** What the message asks for; its outcome is kept on the message as `outcome` and `outcome_note`. */
async function act(
  trx: Transaction<Database>,
  deps: ReceiveSmsDeps,
  studio: StudioRow,
  sms: InboundSmsParams,
  clientId: number | null,
  conversation: LooseRow | undefined,
  now: Date,
): Promise<Outcome> {
  const at = now.toISOString();
  const consent = { studioId: studio.id, number: sms.from, clientId, source: 'sms_reply', at };
  const keyword = smsReplyKeyword(sms.body);
  if (keyword === 'opt_out') {
    const changed = await optOutSmsNumber(trx, consent);
    return {
      outcome: 'opted_out',
      note: changed ? 'the number was put on the STOP list' : 'the number was already on the STOP list',
    };
  }
  if (keyword === 'opt_in') {
    const changed = await optInSmsNumber(trx, consent);
    return {
      outcome: 'opted_in',
      note: changed ? 'the number was taken off the STOP list' : 'the number was not on the STOP list',
    };
  }
  if (keyword === 'help') {
    // Carriers require an answer to HELP even from a number that has opted out.
    const text = studio.sms_help_text?.trim() || defaultHelpText(studio.name);
    const reply = await queueSmsReply(
      trx,
      studio,
      deps.providers,
      { to: sms.from, text, purpose: 'help', clientId, record: null },
      now,
    );
    return { outcome: 'help_sent', note: `the studio's help text was queued as SMS ${reply}` };
  }
  const about = recordOf(conversation);
  if (keyword === 'confirm' && conversation?.purpose === 'confirmation' && about) {
    return confirmRecord(trx, studioContextOf(studio), about, now);
  }
  if (
    (conversation?.purpose === 'nps' || conversation?.purpose === 'nps_reask') &&
    about?.kind === 'session'
  ) {
    const answer = npsReplyOf(sms.body);
    if (answer.kind === 'score') return recordNpsAnswer(trx, studioContextOf(studio), about, answer, now);
    if (answer.kind === 'out_of_range') {
      if (conversation.purpose === 'nps_reask' || (await isSmsNumberOptedOut(trx, studio.id, sms.from))) {
        return {
          outcome: 'nps_out_of_range',
          note: `${answer.number} is not a score from 0 to 10; kept as a message`,
          record: about,
        };
      }
      const reply = await queueSmsReply(
        trx,
        studio,
        deps.providers,
        {
          to: sms.from,
          text: `Thank you! Could you answer with a number from 0 to 10? (0 = not likely, 10 = very likely) — ${studio.name}`,
          purpose: 'nps_reask',
          clientId,
          record: about,
        },
        now,
      );
      return {
        outcome: 'nps_reasked',
        note: `${answer.number} is not a score from 0 to 10; asked again in SMS ${reply}`,
        record: about,
      };
    }
  }
  return { outcome: 'message', note: 'kept in the Messages inbox' };
}

function recordOf(conversation: LooseRow | undefined): { kind: string; id: number } | null {
  if (!conversation || conversation.record_kind == null || conversation.record_id == null) return null;
  return { kind: String(conversation.record_kind), id: Number(conversation.record_id) };
}

/** The HELP answer of a studio without help text of its own: who is texting and how to stop. */
export function defaultHelpText(studioName: string): string {
  return `${studioName}: reply STOP to stop receiving messages, START to receive them again. Reply to this number to reach us.`;
}
