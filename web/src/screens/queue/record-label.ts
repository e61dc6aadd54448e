import type { QueueItem } from '../../api/queue-api';

/** "Session #12": a record kind and id as staff read them. */
export function recordKindLabel(kind: string): string {
  const words = kind.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A record's name from its own fields: the client's or person's name, else its own name or subject,
 * else its kind and id (records of several kinds are picked in Explain, each named its own way).
 */
export function recordName(kind: string, id: number, record: Readonly<Record<string, unknown>>): string {
  const fallback = `${recordKindLabel(kind)} #${id}`;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).trim() : '');
  const person = [text('first_name'), text('last_name')].filter(Boolean).join(' ');
  const name = person || text('name') || text('subject') || text('title');
  return name ? `${name} (${fallback})` : fallback;
}

/**
 * "Ada Lovelace · Family portrait (Session #12)": an item's record as the server labels it
 * (GET /queue/items, GET /forecast), else by kind and id alone once the record is deleted.
 */
export function queueItemRecord(item: Pick<QueueItem, 'record_kind' | 'record_id' | 'record_label'>): string {
  const kindAndId = `${recordKindLabel(item.record_kind)} #${item.record_id}`;
  return item.record_label ? `${item.record_label} (${kindAndId})` : kindAndId;
}
