import { Alert, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { ScreenLoader } from '../../shell/screen-loader';
import { useEffect, useState } from 'react';
import { listQueueItems, type QueueAction, type QueueItem, type QueueOutcome } from '../../api/queue-api';
import { useSession } from '../../session/session-context';
import { QueueActionButtons } from './queue-action-buttons';
import { QueueItemRow } from './queue-item-row';
import { itemCount } from './queue-words';

interface Props {
  /** The trigger whose items to list, or null for every trigger's. */
  triggerId: number | null;
  triggerName: (id: number) => string;
  timeZone: string;
  onDone: (action: QueueAction, outcome: QueueOutcome) => void;
  onOpen: (item: QueueItem) => void;
}

interface Page {
  items: QueueItem[];
  nextCursor: string | null;
}

/**
 * The pending items themselves, oldest trigger date first, a page at a time; the ticked ones can be
 * processed, skipped or deleted together. The parent remounts this after every action, so a
 * handled item never stays ticked.
 */
export function QueueItems({ triggerId, triggerName, timeZone, onDone, onOpen }: Props) {
  const { api } = useSession();
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    let current = true;
    listQueueItems(api, triggerId).then(
      (answer) => current && setPage({ items: answer.data, nextCursor: answer.next_cursor }),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, triggerId]);

  const loadMore = async () => {
    if (!page?.nextCursor) return;
    try {
      const answer = await listQueueItems(api, triggerId, page.nextCursor);
      setPage({ items: [...page.items, ...answer.data], nextCursor: answer.next_cursor });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const pick = (id: number, on: boolean) =>
    setPicked((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const heading = triggerId === null ? 'Items of every trigger' : `Items of “${triggerName(triggerId)}”`;
  if (error)
    return (
      <Alert color="red" role="alert" title="The items could not be loaded">
        {error}
      </Alert>
    );
  if (!page) return <ScreenLoader label="Loading items" />;
  const allPicked = page.items.length > 0 && page.items.every((item) => picked.has(item.id));
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          {heading}
        </Title>
        <Group gap="sm">
          <Text size="sm" aria-live="polite">
            {itemCount(picked.size)} selected
          </Text>
          <QueueActionButtons
            selection={{ item_ids: [...picked] }}
            count={picked.size}
            scope="you selected"
            target="the selected items"
            onDone={onDone}
          />
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs" aria-label="Pending items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <Checkbox
                  aria-label="Select every item shown"
                  checked={allPicked}
                  indeterminate={picked.size > 0 && !allPicked}
                  onChange={(event) =>
                    setPicked(new Set(event.currentTarget.checked ? page.items.map((i) => i.id) : []))
                  }
                />
              </Table.Th>
              <Table.Th scope="col">Record</Table.Th>
              <Table.Th scope="col">Trigger</Table.Th>
              <Table.Th scope="col">Trigger date ({timeZone})</Table.Th>
              <Table.Th scope="col">Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.items.map((item) => (
              <QueueItemRow
                key={item.id}
                item={item}
                triggerName={triggerName(item.trigger_id)}
                timeZone={timeZone}
                checked={picked.has(item.id)}
                onCheck={(on) => pick(item.id, on)}
                onOpen={() => onOpen(item)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {page.nextCursor && (
        <Group justify="center">
          <Button variant="default" onClick={() => void loadMore()}>
            Show more items
          </Button>
        </Group>
      )}
    </Stack>
  );
}
