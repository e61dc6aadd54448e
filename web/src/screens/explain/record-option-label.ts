import type { RecordRow } from '../../api/insight-api';
import { formatInstant } from '../../format/format-instant';
import { recordName } from '../queue/record-label';

/**
 * How a record reads in the picker: its name, and for dated records (sessions, appointments) the
 * start in the studio's zone and whether it is canceled, so that staff tell two sessions apart.
 */
export function recordOptionLabel(kind: string, row: RecordRow, timeZone: string): string {
  const parts = [recordName(kind, row.id, row)];
  const detail = typeof row.description === 'string' && row.description ? row.description : null;
  if (detail && !parts[0]?.includes(detail)) parts.push(detail);
  if (typeof row.start === 'string') parts.push(formatInstant(row.start, timeZone));
  if (row.canceled === true) parts.push('canceled');
  return parts.join(' · ');
}
