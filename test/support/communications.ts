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
): Promise<number> {
  const row = await loose(db)
    .insertInto('communications')
    .values({
      studio_id: studioId,
      channel: 'email',
      direction: 'outbound',
      purpose: 'message',
      client_id: clientId,
      to_address: 'client@example.com',
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
