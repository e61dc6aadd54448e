import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useSession } from '../../session/session-context';
import { DevelopmentInbox } from './development-inbox';
import { OutboxPanel } from './outbox-panel';

/**
 * Deliveries: the outbox with each message's delivery state. A sandbox studio sends nothing for
 * real, so it also has the development inbox of what it would have sent (`?tab=inbox`).
 */
export function DeliveriesScreen() {
  const { studio } = useSession();
  const [params, setParams] = useSearchParams();
  if (!studio.is_sandbox) {
    return (
      <Stack>
        <Title order={1}>Deliveries</Title>
        <OutboxPanel />
      </Stack>
    );
  }
  const tab = params.get('tab') === 'inbox' ? 'inbox' : 'outbox';
  return (
    <Stack>
      <Title order={1}>Deliveries</Title>
      <Tabs
        value={tab}
        onChange={(next) =>
          setParams(next === 'inbox' ? new URLSearchParams({ tab: 'inbox' }) : new URLSearchParams())
        }
      >
        <Tabs.List>
          <Tabs.Tab value="outbox">Outbox</Tabs.Tab>
          <Tabs.Tab value="inbox">Development inbox</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="outbox" pt="md">
          {tab === 'outbox' && <OutboxPanel />}
        </Tabs.Panel>
        <Tabs.Panel value="inbox" pt="md">
          {tab === 'inbox' && <DevelopmentInbox />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
