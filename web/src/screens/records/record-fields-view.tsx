import { Table } from '@mantine/core';
import type { RecordKind } from '../../../../src/domain/record-kinds/index';
import type { RecordData } from '../../api/records-api';
import { useSession } from '../../session/session-context';
import { FieldValue } from './field-value';
import { CollectionRows } from './collection-rows';

/** Every field of a record with its label, and its child rows (phone numbers) one per line. */
export function RecordFieldsView({ kind, record }: { kind: RecordKind; record: RecordData }) {
  const { studio } = useSession();
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table aria-label={`${kind.label} fields`} variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {kind.fields.map((field) => (
            <Table.Tr key={field.name}>
              <Table.Th w="40%">
                {field.type === 'datetime' ? `${field.label} (${studio.time_zone})` : field.label}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <FieldValue kind={kind} field={field} value={record[field.name]} />
              </Table.Td>
            </Table.Tr>
          ))}
          {(kind.collections ?? []).map((collection) => (
            <Table.Tr key={collection.name}>
              <Table.Th>{collection.label}</Table.Th>
              <Table.Td>
                <CollectionRows collection={collection} rows={record[collection.name]} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
