import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { insertDeliveredMessage } from '../../test/support/communications.js';
import { DeliveriesScreen } from '../src/screens/deliveries/deliveries-screen';
import { useOwnerStudio } from './owner-studio';
import { renderScreen } from './session-render';

describe('Deliveries: the development inbox of a sandbox studio', () => {
  const owner = useOwnerStudio({ is_sandbox: true });

  /** A message as the dispatcher leaves it, handed to `provider`. */
  const send = (values: Record<string, unknown>, provider: string) =>
    insertDeliveredMessage(
      owner.studio.store.db,
      owner.studio.fixture.studio.id,
      values,
      provider,
      owner.studio.clock.now(),
    );

  it('says how messages get there while nothing has been captured', async () => {
    renderScreen(owner.session, '/deliveries?tab=inbox', <DeliveriesScreen />);
    expect(await screen.findByText(/^Nothing has been captured yet/)).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Development inbox' }).getAttribute('aria-selected')).toBe('true');
  });

  it('lists only captured messages and opens an SMS with its recipient and text', async () => {
    await send(
      {
        channel: 'sms',
        to_address: '+13125550100',
        recipient_name: 'Zoë Ångström',
        body_text: 'Hi Zoë, see you Friday!',
      },
      'capture',
    );
    await send(
      { channel: 'email', to_address: 'real@example.com', subject: 'Sent for real', body_text: 'x' },
      'smtp',
    );
    renderScreen(owner.session, '/deliveries', <DeliveriesScreen />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Development inbox' }));
    const inbox = await screen.findByRole('table', { name: 'Development inbox' });
    expect(within(inbox).getAllByRole('row')).toHaveLength(2);
    expect(within(inbox).queryByText('Sent for real')).toBeNull();
    await userEvent.click(
      within(inbox).getByRole('button', { name: 'Open the SMS: Hi Zoë, see you Friday!' }),
    );
    const drawer = await screen.findByRole('dialog', { name: 'SMS to Zoë Ångström' });
    expect(within(drawer).getByText('Zoë Ångström <+13125550100>')).toBeTruthy();
    expect(within(drawer).getByLabelText('SMS text').textContent).toBe('Hi Zoë, see you Friday!');
  });

  it('keeps the outbox, with every provider, as the first tab', async () => {
    renderScreen(owner.session, '/deliveries', <DeliveriesScreen />);
    const outbox = await screen.findByRole('table', { name: 'Deliveries' });
    expect(within(outbox).getByText('real@example.com')).toBeTruthy();
    expect(within(outbox).getByText('Zoë Ångström <+13125550100>')).toBeTruthy();
  });
});
