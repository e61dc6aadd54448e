import { Text } from '@mantine/core';
import type { CollectionDef } from '../../../../src/domain/record-kinds/index';
import { useSession } from '../../session/session-context';
import { formatFieldValue } from './format-field-value';

/** A record's child rows, one line each: "+12125550142 · mobile · Receives SMS". */
export function CollectionRows({ collection, rows }: { collection: CollectionDef; rows: unknown }) {
  const { studio } = useSession();
  const list = Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  if (list.length === 0) return <>—</>;
  const line = (row: Record<string, unknown>) =>
    collection.fields
      .map((f) =>
        // A flag reads as its label when set ("Primary"), and not at all when not.
        f.type === 'bool' ? (row[f.name] ? f.label : '') : formatFieldValue(f, row[f.name], studio.time_zone),
      )
      .filter((part) => part && part !== '—')
      .join(' · ');
  return list.map((row, index) => (
    <Text key={index} size="sm">
      {line(row)}
    </Text>
  ));
}
