import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { listOutbox, type OutboxMessage } from '../../api/deliveries-api';
import { useSession } from '../../session/session-context';
import { DeliveriesEmptyState } from './deliveries-empty-state';
import { DeliveriesTable } from './deliveries-table';
import { DeliveryDetails } from './delivery-details';
import { changedDeliveryFilters, deliveryFiltersOf } from './delivery-filter-params';
import { DeliveryFilters } from './delivery-filters';
import { RetryFailedButton } from './retry-failed-button';
import { ScreenLoader } from '../../shell/screen-loader';

interface ListState {
  messages: OutboxMessage[];
  nextBefore: number | null;
}

/**
 * The outbox: every email and SMS with the state of its delivery, filtered by what the address says.
 * Calls and letters (communications without a delivery) belong to the call list and print batches.
 */
export function OutboxPanel() {
  const { api, studio } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = deliveryFiltersOf(params);
  // Only the filters: the address also holds which tab of the screen is shown.
  const filterKey = new URLSearchParams({ ...filters }).toString();
  const [list, setList] = useState<ListState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retryFailures, setRetryFailures] = useState<readonly string[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    setError(null);
    listOutbox(api, deliveryFiltersOf(new URLSearchParams(filterKey))).then(
      (page) => current && setList({ messages: withDelivery(page.data), nextBefore: page.next_before }),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, filterKey, reload]);

  const loadMore = async () => {
    if (!list?.nextBefore) return;
    try {
      const page = await listOutbox(api, filters, list.nextBefore);
      setList({ messages: [...list.messages, ...withDelivery(page.data)], nextBefore: page.next_before });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const failedIds = (list?.messages ?? []).flatMap((m) =>
    m.delivery?.state === 'failed' ? [m.delivery.id] : [],
  );
  return (
    <Stack>
      <DeliveryFilters
        filters={filters}
        onChange={(name, value) => setParams(changedDeliveryFilters(filters, name, value))}
      />
      {error && (
        <Alert color="red" role="alert" title="The deliveries could not be loaded">
          {error}
        </Alert>
      )}
      {retryFailures.length > 0 && (
        <Alert
          color="red"
          role="alert"
          title="Some deliveries were not retried"
          withCloseButton
          onClose={() => setRetryFailures([])}
        >
          {retryFailures.join('; ')}
        </Alert>
      )}
      {!list && !error && <ScreenLoader label="Loading deliveries" />}
      {list && list.messages.length === 0 && (
        <DeliveriesEmptyState filtered={filterKey !== ''} onClear={() => setParams(new URLSearchParams())} />
      )}
      {list && list.messages.length > 0 && (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {list.messages.length}
              {list.nextBefore ? '+' : ''} deliver{list.messages.length === 1 ? 'y' : 'ies'}
            </Text>
            <RetryFailedButton
              deliveryIds={failedIds}
              onDone={(failures) => {
                setRetryFailures(failures);
                setReload((n) => n + 1);
              }}
            />
          </Group>
          <DeliveriesTable
            messages={list.messages}
            timeZone={studio.time_zone}
            onOpen={(m) => setOpen(m.delivery?.id ?? null)}
          />
          {list.nextBefore && (
            <Group justify="center">
              <Button variant="default" onClick={() => void loadMore()}>
                Show more
              </Button>
            </Group>
          )}
        </>
      )}
      <DeliveryDetails
        deliveryId={open}
        onClose={() => setOpen(null)}
        onChanged={() => setReload((n) => n + 1)}
      />
    </Stack>
  );
}

/** Only what went to the outbox: calls and letters have no delivery. */
const withDelivery = (messages: readonly OutboxMessage[]) => messages.filter((m) => m.delivery !== null);
