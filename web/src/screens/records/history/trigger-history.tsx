import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { RECORD_KINDS } from '../../../../../src/domain/record-kinds/index';
import {
  listTriggeredItems,
  type ItemState,
  type TriggeredItemRow,
  type TriggerHistoryScope,
} from '../../../api/record-history-api';
import { formatInstant } from '../../../format/format-instant';
import { useSession } from '../../../session/session-context';
import { HistorySection } from './history-section';
import { words } from './history-words';
import { usePagedList } from './use-paged-list';

const STATE_COLORS: Record<ItemState, string> = {
  pending: 'blue',
  processed: 'teal',
  skipped: 'gray',
  deleted: 'dark',
  withdrawn: 'orange',
  expired: 'yellow',
};

const kindLabel = (kind: string) => RECORD_KINDS.find((k) => k.name === kind)?.label ?? words(kind);

/**
 * Which triggers fired for the record (or for the client and everything of theirs), newest trigger
 * date first: each item's state and why. A row links to Explain with the trigger and record filled in.
 */
export function TriggerHistory({ scope }: { scope: TriggerHistoryScope }) {
  const { api, studio } = useSession();
  const list = usePagedList<TriggeredItemRow, string>(JSON.stringify(scope), async (cursor) => {
    const page = await listTriggeredItems(api, scope, cursor);
    return { items: page.data, next: page.next_cursor };
  });
  const zone = studio.time_zone;
  const forClient = 'client_id' in scope;
  return (
    <HistorySection
      title="Trigger history"
      count={list.items?.length ?? null}
      error={list.error}
      empty={`No trigger has fired for this ${forClient ? 'client or their records' : 'record'} yet. When a trigger's date comes for ${forClient ? 'them' : 'it'}, its item appears here: pending, then processed, skipped or withdrawn, with why.`}
      hasMore={list.hasMore}
      onMore={() => void list.loadMore()}
    >
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-label="Trigger history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Trigger date ({zone})</Table.Th>
              <Table.Th scope="col">Trigger</Table.Th>
              {forClient && <Table.Th scope="col">Record</Table.Th>}
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items?.map((item) => {
              const name = item.trigger_name ?? `Trigger #${item.trigger_id}`;
              return (
                <Table.Tr key={item.id}>
                  <Table.Td>{formatInstant(item.trigger_date, zone)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/explain?trigger_id=${item.trigger_id}&record_id=${item.record_id}`}
                      aria-label={`Explain “${name}” for ${kindLabel(item.record_kind)} #${item.record_id}`}
                    >
                      {name}
                    </Anchor>
                  </Table.Td>
                  {forClient && (
                    <Table.Td>
                      {kindLabel(item.record_kind)} #{item.record_id}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Badge color={STATE_COLORS[item.state] ?? 'gray'} variant="light">
                      {words(item.state)}
                    </Badge>
                    {item.channel_used && (
                      <Text size="xs" c="dimmed">
                        by {words(item.channel_used)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.reason ?? ''}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </HistorySection>
  );
}
