import type { Db } from './database.js';

export interface ContactFormLimit {
  /** Contact-us submissions one client address may make per hour, over every studio. */
  perHour: number;
}

const HOUR_MS = 60 * 60_000;

/**
 * Seconds until this address may send a contact-us form again, or 0. Counted over every studio
 * of the deployment: a spammer who moves from one studio's page to the next is still one address.
 * The rows live in the database, so every server process shares the count.
 */
export async function contactFormRetryAfter(
  db: Db,
  now: Date,
  limit: ContactFormLimit,
  ip: string,
): Promise<number> {
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  const newest = await db
    .selectFrom('contact_form_posts')
    .select('at')
    .where('ip', '=', ip)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(limit.perHour)
    .execute();
  const edge = newest[limit.perHour - 1];
  if (!edge) return 0;
  return Math.max(1, Math.ceil((new Date(edge.at).getTime() + HOUR_MS - now.getTime()) / 1000));
}

/** Counts an accepted contact-us submission, and forgets posts that have left the hour (of anyone). */
export async function recordContactFormPost(db: Db, now: Date, ip: string): Promise<void> {
  await db.insertInto('contact_form_posts').values({ ip, at: now.toISOString() }).execute();
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  await db.deleteFrom('contact_form_posts').where('at', '<=', since).execute();
}
