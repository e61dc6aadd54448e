import { Alert, Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { RecordKind } from '../../../../src/domain/record-kinds/index';
import type { RecordData } from '../../api/records-api';
import { useSession } from '../../session/session-context';
import { ScreenLoader } from '../../shell/screen-loader';
import { FieldValue } from './field-value';
import { listColumns } from './screen-kinds';
import { useStatusOptions } from './status-options';
import { useRecordPages } from './use-record-pages';

interface Props {
  kind: RecordKind;
  /** Filters the list always has, e.g. `{ client_id: '12' }` on a client's detail. */
  filters?: Readonly<Record<string, string>>;
  /** What the empty list says to do next. */
  emptyHint: ReactNode;
  /** Opens a row in place (catalogs); without it, rows link to the record's detail screen. */
  onOpen?: (record: RecordData) => void;
  /** A title above the list for screen readers and the eye; the kind's plural by default. */
  label?: string;
  reload?: number;
}

/**
 * A kind's records as a table with columns from the registry, text search, a status filter when
 * the kind has statuses, and keyset "Load more". Columns already fixed by `filters` are left out.
 */
export function RecordList({ kind, filters = {}, emptyHint, onOpen, label, reload }: Props) {
  const { studio } = useSession();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [statusId, setStatusId] = useState<string | null>(null);
  const statuses = useStatusOptions(kind);
  const query = { ...filters, ...(q ? { q } : {}), ...(statusId ? { status_id: statusId } : {}) };
  const { rows, error, hasMore, loadingMore, loadMore } = useRecordPages(kind.path, query, reload);
  const columns = listColumns(kind, Object.keys(filters));
  const name = label ?? kind.plural;
  const plural = kind.plural.toLowerCase();

  const open = (record: RecordData, index: number) => {
    const field = columns[0];
    const text = field ? <FieldValue kind={kind} field={field} value={record[field.name]} /> : null;
    const title = `Open ${kind.label.toLowerCase()} ${index + 1}`;
    // Catalog entries have no screen of their own: they open in place, or not at all (staff read).
    if (!onOpen && kind.category !== 'record') return text;
    if (onOpen) {
      return (
        <Button variant="subtle" size="compact-sm" onClick={() => onOpen(record)} title={title}>
          {field?.type === 'ref' ? `#${record.id}` : text}
        </Button>
      );
    }
    return (
      <Anchor component={Link} to={`/records/${kind.path}/${record.id}`} title={title}>
        {field?.type === 'ref' ? `#${record.id}` : text}
      </Anchor>
    );
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={`Search ${plural}`}
          placeholder="Name, number, email, phone…"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        {kind.status && !filters.status_id && (
          <Select
            label="Status"
            placeholder="Any status"
            data={statuses}
            value={statusId}
            onChange={setStatusId}
            clearable
            style={{ flex: '0 1 220px' }}
          />
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert" title={`The ${plural} could not be loaded`}>
          {error}
        </Alert>
      )}
      {!rows && !error && <ScreenLoader label={`Loading ${plural}`} />}
      {rows && rows.length === 0 && (
        <Text>{q || statusId ? `No ${plural} match the search or the status filter.` : emptyHint}</Text>
      )}
      {rows && rows.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={name} striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                {columns[0]?.type === 'ref' && <Table.Th>No.</Table.Th>}
                {columns.map((field) => (
                  <Table.Th key={field.name}>
                    {field.type === 'datetime' ? `${field.label} (${studio.time_zone})` : field.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((record, index) => (
                <Table.Tr key={record.id}>
                  {columns[0]?.type === 'ref' && <Table.Td>{open(record, index)}</Table.Td>}
                  {columns.map((field, column) => (
                    <Table.Td key={field.name}>
                      {column === 0 && field.type !== 'ref' ? (
                        open(record, index)
                      ) : (
                        <FieldValue kind={kind} field={field} value={record[field.name]} />
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {hasMore && (
        <Group>
          <Button variant="default" loading={loadingMore} onClick={() => void loadMore()}>
            Load more {plural}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
