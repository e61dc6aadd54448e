/** "Session #12": a record kind and id as staff read them. */
export function recordKindLabel(kind: string): string {
  const words = kind.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A record's name for a heading: the client's or person's name, else its own name or subject,
 * else its kind and id (records of several kinds reach the queue, each named its own way).
 */
export function recordName(
  kind: string,
  id: number,
  record: Readonly<Record<string, unknown>> | null,
): string {
  const fallback = `${recordKindLabel(kind)} #${id}`;
  if (!record) return `${fallback} (deleted since)`;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).trim() : '');
  const person = [text('first_name'), text('last_name')].filter(Boolean).join(' ');
  const name = person || text('name') || text('subject') || text('title');
  return name ? `${name} (${fallback})` : fallback;
}
