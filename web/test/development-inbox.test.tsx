import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDeliveredMessage } from '../../test/support/communications.js';
import { DeliveriesScreen } from '../src/screens/deliveries/deliveries-screen';
import type { Session } from '../src/session/session-context';
import { ownerSession, renderScreen } from './session-render';
import { startTestStudio } from './test-studio';

describe('Deliveries: the development inbox of a sandbox studio', () => {
  let studio: Awaited<ReturnType<typeof startTestStudio>>;
  let session: Session;

  beforeAll(async () => {
    studio = await startTestStudio({ is_sandbox: true });
    session = await ownerSession(studio.api, studio.email, studio.password);
  });
  afterAll(() => studio.close());

  /** A message as the dispatcher leaves it, handed to `provider`. */
  const send = (values: Record<string, unknown>, provider: string) =>
    insertDeliveredMessage(studio.store.db, studio.fixture.studio.id, values, provider, studio.clock.now());

  it('says how messages get there while nothing has been captured', async () => {
    renderScreen(session, '/deliveries?tab=inbox', <DeliveriesScreen />);
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
    renderScreen(session, '/deliveries', <DeliveriesScreen />);
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
    renderScreen(session, '/deliveries', <DeliveriesScreen />);
    const outbox = await screen.findByRole('table', { name: 'Deliveries' });
    expect(within(outbox).getByText('real@example.com')).toBeTruthy();
    expect(within(outbox).getByText('Zoë Ångström <+13125550100>')).toBeTruthy();
  });
});
