import { Alert, Badge, Button, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { ScreenLoader } from '../../shell/screen-loader';
import { useEffect, useState } from 'react';
import { cancelDelivery, getDelivery, retryDelivery, type DeliveryDetail } from '../../api/deliveries-api';
import { formatInstant } from '../../format/format-instant';
import { useSession } from '../../session/session-context';
import { stateColor, stateLabel } from './delivery-states';

interface Props {
  deliveryId: number | null;
  onClose: () => void;
  onChanged: () => void;
}

/**
 * One delivery: its state, attempts and every change of state with its reason and provider code.
 * A failed one can be retried and a queued one canceled; if the Control Center moved it meanwhile
 * the server refuses, and that is said here.
 */
export function DeliveryDetails({ deliveryId, onClose, onChanged }: Props) {
  const { api, studio } = useSession();
  const [detail, setDetail] = useState<DeliveryDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (deliveryId === null) return;
    let current = true;
    setDetail(null);
    setError(null);
    getDelivery(api, deliveryId).then(
      (d) => current && setDetail(d),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, deliveryId]);

  const act = async (work: typeof retryDelivery) => {
    if (!detail || busy) return;
    setBusy(true);
    setError(null);
    try {
      setDetail(await work(api, detail.id));
      onChanged();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      opened={deliveryId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title="Delivery history"
    >
      {!detail && !error && <ScreenLoader label="Loading the delivery" />}
      {error && (
        <Alert color="red" role="alert" mb="md">
          {error}
        </Alert>
      )}
      {detail && (
        <Stack>
          <Group gap="sm">
            <Badge color={stateColor(detail.state)} variant="light" size="lg">
              {stateLabel(detail.state)}
            </Badge>
            <Text size="sm">
              {detail.channel === 'sms' ? 'SMS' : 'Email'} to {detail.to_address} through {detail.provider},{' '}
              {detail.attempts} attempt{detail.attempts === 1 ? '' : 's'}
            </Text>
          </Group>
          {detail.reason && <Text size="sm">Reason: {detail.reason}</Text>}
          <Table aria-label="State changes" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When ({studio.time_zone})</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
                <Table.Th scope="col">Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.history.map((step, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{formatInstant(step.at, studio.time_zone)}</Table.Td>
                  <Table.Td>
                    {step.from_state ? `${stateLabel(step.from_state)} → ` : ''}
                    {stateLabel(step.to_state)}
                  </Table.Td>
                  <Table.Td>
                    {step.reason ?? ''}
                    {step.code ? ` (code ${step.code})` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            {detail.state === 'failed' && (
              <Button loading={busy} onClick={() => void act(retryDelivery)}>
                Retry
              </Button>
            )}
            {detail.state === 'queued' && (
              <Button color="red" variant="light" loading={busy} onClick={() => void act(cancelDelivery)}>
                Cancel delivery
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
