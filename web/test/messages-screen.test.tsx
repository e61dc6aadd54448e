import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { postTwilio, SMS_PATH, smsParams, TWILIO_ENV } from '../../test/support/inbound-sms-requests';
import type { InboundMessage, MessageDetail } from '../src/api/messages-api';
import { MessagesScreen } from '../src/screens/messages/messages-screen';
import { MainNavigation } from '../src/shell/main-navigation';
import { useOwnerStudio } from './owner-studio';
import { renderScreen } from './session-render';

const STUDIO_NUMBER = '+13125550100';
const ADA = '+13125550101';
const STRANGER = '+13125550177';

describe('Messages screen', () => {
  const owner = useOwnerStudio({ sms_from_number: STUDIO_NUMBER }, TWILIO_ENV);

  const show = () =>
    renderScreen(
      owner.session,
      '/messages',
      <>
        <MainNavigation onNavigate={() => {}} />
        <MessagesScreen />
      </>,
    );
  /** An SMS arriving the way Twilio delivers it: the signed webhook, at the given time. */
  const texts = async (from: string, body: string, at: string) => {
    owner.studio.clock.set(at);
    const answer = await postTwilio(owner.studio.app, SMS_PATH, smsParams(from, STUDIO_NUMBER, body));
    expect(answer.statusCode).toBe(200);
  };
  /** The number's inbound message listed first (unread first, then newest). */
  const inbox = async (number: string): Promise<InboundMessage> => {
    const [first] = (await owner.studio.api.get<{ data: InboundMessage[] }>('/messages', { number })).data;
    if (!first) throw new Error(`no message from ${number}`);
    return first;
  };

  it('explains where messages come from while there are none', async () => {
    show();
    expect(await screen.findByText(/No messages yet\. When a client answers/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Messages' })).toBeTruthy();
  });

  it('lists unread conversations first with the count in the navigation, and opening one reads it', async () => {
    const adaClient = await owner.studio.api.post<{ id: number }>('/clients', {
      first_name: 'Ada',
      last_name: 'Lovelace',
      phones: [{ number: '312-555-0101', label: 'mobile', sms_capable: true }],
    });
    await texts(ADA, 'Can we move Saturday to 3pm?', '2026-03-06T15:05:00Z');
    await texts(STRANGER, 'Who is this?', '2026-03-06T15:10:00Z');
    await owner.studio.api.post(`/messages/${(await inbox(STRANGER)).id}/read`);
    show();

    const table = await screen.findByRole('table', { name: 'Conversations' });
    const [, ada, stranger] = within(table).getAllByRole('row') as [HTMLElement, HTMLElement, HTMLElement];
    await waitFor(() => expect(within(ada).getByText('Ada Lovelace')).toBeTruthy());
    expect(within(ada).getByText('1 unread')).toBeTruthy();
    expect(within(ada).getByText('Fri, Mar 6, 2026, 10:05 AM')).toBeTruthy();
    expect(within(stranger).getByText(STRANGER)).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Received (America/New_York)' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Messages (1 unread)' })).toBeTruthy();

    await userEvent.click(
      within(ada).getByRole('button', { name: 'Open the conversation with Ada Lovelace' }),
    );
    const drawer = await screen.findByRole('dialog', { name: 'Conversation with Ada Lovelace' });
    // The conversation's header names the client and opens the client's page.
    const clientLink = within(drawer).getByRole('link', { name: 'Ada Lovelace' });
    expect(clientLink.getAttribute('href')).toBe(`/records/clients/${adaClient.id}`);
    const conversation = await within(drawer).findByRole('list', { name: 'Conversation' });
    expect(conversation.textContent).toBe(
      'Received · Fri, Mar 6, 2026, 10:05 AMCan we move Saturday to 3pm?',
    );
    await waitFor(async () => expect((await inbox(ADA)).unread).toBe(false));
    expect(await screen.findByRole('link', { name: 'Messages' })).toBeTruthy();
  });

  it('sends a reply through the outbox, counting its SMS parts, and marks the conversation unread again', async () => {
    show();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Open the conversation with Ada Lovelace' }),
    );
    const drawer = await screen.findByRole('dialog', { name: 'Conversation with Ada Lovelace' });
    const reply = await within(drawer).findByRole('textbox', { name: 'Reply' });
    await userEvent.click(within(drawer).getByRole('button', { name: 'Send reply' }));
    expect(within(drawer).getByText('Write the reply first')).toBeTruthy();
    await userEvent.type(reply, 'Yes, 3pm works');
    expect(within(drawer).getByText('14 characters · 1 SMS part (GSM-7)')).toBeTruthy();
    await userEvent.click(within(drawer).getByRole('button', { name: 'Send reply' }));
    expect(await within(drawer).findByText(/Reply queued in the outbox/)).toBeTruthy();
    const conversation = await within(drawer).findByRole('list', { name: 'Conversation' });
    await waitFor(() => expect(within(conversation).getByText('Yes, 3pm works')).toBeTruthy());
    const { id } = await inbox(ADA);
    const thread = (await owner.studio.api.get<MessageDetail>(`/messages/${id}`)).thread;
    expect(thread.map((t) => [t.direction, t.purpose, t.body])).toEqual([
      ['inbound', 'reply', 'Can we move Saturday to 3pm?'],
      ['outbound', 'staff_reply', 'Yes, 3pm works'],
    ]);

    await userEvent.click(within(drawer).getByRole('button', { name: 'Mark unread' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await inbox(ADA)).unread).toBe(true);
    expect(await screen.findByRole('link', { name: 'Messages (1 unread)' })).toBeTruthy();
  });

  it('says when a number has opted out, and shows the refusal of a reply where it is typed', async () => {
    await texts(STRANGER, 'STOP', '2026-03-06T15:20:00Z');
    show();
    await userEvent.click(
      await screen.findByRole('button', { name: `Open the conversation with ${STRANGER}` }),
    );
    const drawer = await screen.findByRole('dialog', { name: `Conversation with ${STRANGER}` });
    expect(await within(drawer).findByText('Opted out of SMS')).toBeTruthy();
    await userEvent.type(within(drawer).getByRole('textbox', { name: 'Reply' }), 'Sorry to see you go');
    await userEvent.click(within(drawer).getByRole('button', { name: 'Send reply' }));
    const refusal = await within(drawer).findByRole('alert', { name: /The reply was not sent/ });
    expect(refusal.textContent).toContain(`${STRANGER} has opted out of SMS (STOP); nothing was sent`);
    expect(within(drawer).getByText('cannot be sent: the number is on the STOP list')).toBeTruthy();
  });
});
