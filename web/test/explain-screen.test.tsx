import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExplainScreen } from '../src/screens/explain/explain-screen';
import { sessionReminderStudio } from './insight-fixture';
import { useOwnerStudio } from './owner-studio';
import { renderScreen } from './session-render';

describe('Explain screen', () => {
  let made: Awaited<ReturnType<typeof sessionReminderStudio>>;

  const owner = useOwnerStudio({ is_sandbox: true });

  beforeAll(async () => {
    made = await sessionReminderStudio(owner.studio.api, async () => {
      await owner.studio.api.post('/clock/advance', { to: '2026-03-06T15:01:00Z' });
    });
  });

  const show = (path = '/explain') => renderScreen(owner.session, path, <ExplainScreen />);

  it('asks for a trigger first, then a record of its kind found by search', async () => {
    show();
    expect(await screen.findByText('Start with the trigger you expected to fire.')).toBeTruthy();
    await userEvent.click(screen.getByRole('combobox', { name: 'Trigger' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Session reminder', hidden: true }));
    expect(await screen.findByText(/Now pick the record/)).toBeTruthy();
    const picker = screen.getByRole('combobox', { name: 'Session' });
    await userEvent.type(picker, 'Headsh');
    const option = await screen.findByRole('option', {
      name: /Headshots · Thu, Mar 12, 2026, 2:00 PM · canceled/,
      hidden: true,
    });
    await waitFor(() =>
      expect(screen.queryByRole('option', { name: /Family portrait/, hidden: true })).toBeNull(),
    );
    await userEvent.click(option);
    expect(await screen.findByRole('table', { name: 'Criteria' })).toBeTruthy();
  });

  it('shows why a canceled session got no reminder: the canceled exclusion fails', async () => {
    // Both sessions' starts have come: the kept one got its item, the canceled one did not.
    await owner.studio.api.post('/clock/advance', { to: '2026-03-12T18:01:00Z' });
    show(`/explain?trigger_id=${made.triggerId}&record_id=${made.canceledId}`);
    const summary = await screen.findByRole('status');
    expect(summary.textContent).toMatch(
      new RegExp(`Session ${made.canceledId} did not get "Session reminder"`),
    );
    expect(summary.textContent).toMatch(/canceled/);
    const record = screen.getByRole('link', { name: `Open Session #${made.canceledId}` });
    expect(record.getAttribute('href')).toBe(`/records/sessions/${made.canceledId}`);
    const criteria = screen.getByRole('table', { name: 'Criteria' });
    const kindRow = within(criteria).getByRole('row', { name: /record kind/ });
    expect(within(kindRow).getByText('Pass')).toBeTruthy();
    const occurrence = screen.getByRole('region', { name: /Occurrence of Thu, Mar 12, 2026, 2:00 PM/ });
    const canceled = within(occurrence).getByRole('row', { name: /^canceled/ });
    expect(within(canceled).getByText('yes')).toBeTruthy();
    expect(within(canceled).getByText('Fail')).toBeTruthy();
    expect(within(occurrence).getByText('No item was made for this occurrence.')).toBeTruthy();
    expect(screen.getByText(/Times are in America\/New_York/)).toBeTruthy();
  });

  it('shows the item a kept session got, with its history', async () => {
    show(`/explain?trigger_id=${made.triggerId}&record_id=${made.keptId}`);
    const occurrence = await screen.findByRole('region', {
      name: /Occurrence of Tue, Mar 10, 2026, 10:00 AM/,
    });
    expect(within(occurrence).getByText(/^Item #\d+: pending/)).toBeTruthy();
    expect(within(occurrence).getByRole('list', { name: /History of item/ }).textContent).toMatch(
      /new → pending/,
    );
  });

  it('says what went wrong when the record is not of this studio', async () => {
    show(`/explain?trigger_id=${made.triggerId}&record_id=999999`);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/The explanation could not be loaded/);
    expect(alert.textContent).toMatch(/999999|not found/i);
  });
});
