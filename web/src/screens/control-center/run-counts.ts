/**
 * The words for a run's counts (docs/control-center.md), in the order of a run: evaluation, then
 * processing, then the outbox. Counts the server adds later are shown under their own name.
 */
const LABELS: Record<string, string> = {
  examined: 'examined',
  queued: 'queued',
  withdrawn: 'withdrawn',
  restored: 'restored',
  expired: 'expired',
  processed: 'processed',
  withdrawn_at_processing: 'withdrawn at processing',
  expired_at_processing: 'expired at processing',
  failed: 'items failed',
  sent: 'sent',
  delivered: 'delivered',
  retrying: 'retrying',
  delivery_failed: 'deliveries failed',
  returned: 'returned unsent',
};

/** "3 examined · 1 queued · 1 processed": the counts that are not zero; "Nothing to do" otherwise. */
export function describeCounts(counts: Readonly<Record<string, number>>): string {
  const names = [...Object.keys(LABELS), ...Object.keys(counts).filter((name) => !(name in LABELS))];
  const parts = names
    .filter((name) => (counts[name] ?? 0) > 0)
    .map((name) => `${counts[name]} ${LABELS[name] ?? name.replaceAll('_', ' ')}`);
  return parts.length > 0 ? parts.join(' · ') : 'Nothing to do';
}
