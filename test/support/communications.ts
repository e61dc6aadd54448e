import type { Db } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';

/**
 * An outbound email row written directly, for tests of what follows it (email events). Processing,
 * which creates emails for real, is built elsewhere.
 */
export async function insertEmail(
  db: Db,
  studioId: number,
  clientId: number | null,
  emailTypeId: number | null,
  at: Date,
  toAddress = 'client@example.com',
): Promise<number> {
  const row = await loose(db)
    .insertInto('communications')
    .values({
      studio_id: studioId,
      channel: 'email',
      direction: 'outbound',
      purpose: 'message',
      client_id: clientId,
      to_address: toAddress,
      subject: 'Hello',
      body_text: 'Hello',
      email_type_id: emailTypeId,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * An outbound email as the dispatcher leaves it once the SMTP server accepted it: a `sent` delivery
 * with the Message-ID it went out with and the server's queue id.
 */
export async function insertSentEmail(
  db: Db,
  studioId: number,
  clientId: number | null,
  toAddress: string,
  at: Date,
): Promise<{ communicationId: number; deliveryId: number; messageId: string; queueId: string }> {
  const stamp = at.toISOString();
  const communicationId = await insertEmail(db, studioId, clientId, null, at, toAddress);
  const delivery = await loose(db)
    .insertInto('deliveries')
    .values({
      studio_id: studioId,
      communication_id: communicationId,
      provider: 'smtp',
      state: 'sent',
      attempts: 1,
      next_attempt_at: stamp,
      sent_at: stamp,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const deliveryId = Number(delivery.id);
  const messageId = `delivery-${deliveryId}.studio-${studioId}@lumen.test`;
  const queueId = `Q${studioId}x${deliveryId}`;
  await loose(db)
    .updateTable('deliveries')
    .set({ message_id: `<${messageId}>`, provider_message_id: queueId })
    .where('id', '=', deliveryId)
    .execute();
  return { communicationId, deliveryId, messageId, queueId };
}

/**
 * An outbound message with a delivered delivery through `provider` (`capture`: the development
 * inbox), as the dispatcher leaves it; `values` are its columns (channel, to_address, body…).
 */
export async function insertDeliveredMessage(
  db: Db,
  studioId: number,
  values: Record<string, unknown>,
  provider: string,
  at: Date,
): Promise<number> {
  const stamp = at.toISOString();
  const row = await loose(db)
    .insertInto('communications')
    .values({
      studio_id: studioId,
      direction: 'outbound',
      purpose: 'message',
      created_at: stamp,
      updated_at: stamp,
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await loose(db)
    .insertInto('deliveries')
    .values({
      studio_id: studioId,
      communication_id: row.id,
      provider,
      state: 'delivered',
      attempts: 1,
      next_attempt_at: stamp,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  return Number(row.id);
}
