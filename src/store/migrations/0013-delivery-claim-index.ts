import type { Kysely } from 'kysely';
import { index } from './table-builder.js';

/**
 * Indexes for the dispatcher (src/store/claim-deliveries.ts): the claim takes a studio's due
 * `queued` deliveries in `next_attempt_at, id` order, and the lease return looks for its `sending`
 * ones whose lease is over. With (state, next_attempt_at) alone PostgreSQL sorted every due
 * delivery of the studio to take a hundred, and SQLite read the studio's whole outbox to find
 * expired leases (docs/performance.md, delivery).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await index(db, 'deliveries', ['studio_id', 'state', 'next_attempt_at', 'id']);
  await index(db, 'deliveries', ['studio_id', 'state', 'lease_until']);
}
