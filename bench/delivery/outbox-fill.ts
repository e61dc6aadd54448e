import { sql } from 'kysely';
import type { Db } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { numbered } from '../evaluation/sql-fragments.js';

export const SENDER_EMAIL = 'hello@lakeshore.test';
export const SMS_FROM = '+12025550100';

/** A real studio (not a sandbox), so its deliveries go to SMTP and Twilio rather than capture. */
export async function insertBenchStudio(db: Db, now: Date): Promise<number> {
  const at = now.toISOString();
  const row = await loose(db)
    .insertInto('studios')
    .values({
      name: 'Lakeshore Portrait Studio',
      time_zone: 'America/Chicago',
      work_week: '1,2,3,4,5',
      country: 'US',
      sender_name: 'Lakeshore Portraits',
      sender_email: SENDER_EMAIL,
      sms_from_number: SMS_FROM,
      is_sandbox: 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

// A reminder of ordinary size, about 1.5 KiB of HTML, as processing leaves it rendered.
const PARAGRAPH =
  '<p>We look forward to seeing you at the studio. Please arrive ten minutes early, bring the outfits ' +
  'we talked about, and let us know if anything changes. Parking is free behind the building.</p>';
const HTML = `<html><body><h1>See you soon</h1>${PARAGRAPH.repeat(6)}</body></html>`;
const TEXT = 'We look forward to seeing you at the studio. Please arrive ten minutes early.';
const SMS = 'Lakeshore Portraits: your session is tomorrow at 10:00. Reply C to confirm, STOP to opt out.';

/** Row n's rendered content, as `fillOutbox` writes it, for sending the same message without the outbox. */
export function benchContent(channel: 'email' | 'sms', n: number) {
  return channel === 'email'
    ? {
        to: `client-${n}@example.test`,
        subject: `Your session, reminder ${n}`,
        body_html: HTML,
        body_text: TEXT,
      }
    : { to: `+1202${2000000 + n}`, subject: null, body_html: null, body_text: SMS };
}

/**
 * Queues `count` deliveries of one channel the way processing leaves them: a rendered outbound
 * communication each, to an address of its own, and its delivery queued for the provider, due
 * before `now`. Two INSERT … SELECT statements (a recursive row counter, then the new
 * communications), so 100,000 rows take seconds and both databases run the same SQL.
 */
export async function fillOutbox(
  db: Db,
  studioId: number,
  channel: 'email' | 'sms',
  count: number,
  now: Date,
): Promise<void> {
  const at = `'${now.toISOString()}'`;
  const due = `'${new Date(now.getTime() - 60_000).toISOString()}'`;
  const before = await loose(db)
    .selectFrom('communications')
    .select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql.lit(0)).as('last'))
    .executeTakeFirstOrThrow();
  const last = Number(before.last);
  // Unique per row and per fill: the id the row will get is not known yet, `last + n` is.
  const address =
    channel === 'email'
      ? `'client-' || (${last} + n) || '@example.test'`
      : `'+1202' || (2000000 + ${last} + n)`;
  const content =
    channel === 'email'
      ? `'${SENDER_EMAIL}', 'Your session, reminder ' || n, '${HTML}', '${TEXT}'`
      : `'${SMS_FROM}', null, null, '${SMS}'`;
  await numbered(
    count,
    `insert into communications (studio_id, channel, direction, purpose, to_address, from_address,
       subject, body_html, body_text, is_marketing, created_at, updated_at)
     select ${studioId}, '${channel}', 'outbound', 'message', ${address}, ${content}, 0, ${at}, ${at}
     from seq`,
  ).execute(db);
  await sql
    .raw(
      `insert into deliveries (studio_id, communication_id, provider, state, attempts, next_attempt_at,
         created_at, updated_at)
       select studio_id, id, '${channel === 'email' ? 'smtp' : 'twilio'}', 'queued', 0, ${due}, ${at}, ${at}
       from communications where studio_id = ${studioId} and id > ${last}`,
    )
    .execute(db);
}
