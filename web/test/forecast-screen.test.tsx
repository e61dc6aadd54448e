import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ForecastScreen } from '../src/screens/forecast/forecast-screen';
import { sessionReminderStudio } from './insight-fixture';
import { chooseOption } from './records-routes';
import { useOwnerStudio } from './owner-studio';
import { renderScreen } from './session-render';

/** The screen's address as the router holds it, where a test can read it. */
function Address() {
  const { pathname, search } = useLocation();
  return <output aria-label="Address">{pathname + search}</output>;
}

describe('Forecast screen', () => {
  let made: Awaited<ReturnType<typeof sessionReminderStudio>>;
  let prepId = 0;

  const owner = useOwnerStudio({ is_sandbox: true });

  const show = (path = '/forecast') =>
    renderScreen(
      owner.session,
      path,
      <>
        <ForecastScreen />
        <Address />
      </>,
    );
  const address = () => screen.getByRole('status', { name: 'Address' }).textContent;
  const calendar = () => screen.findByRole('table', { name: /^Calendar from / });
  /** The colour of a trigger's dot in the legend, found by the text beside it. */
  const legendColour = (text: string) => {
    const entry = within(screen.getByRole('list', { name: 'Legend' }))
      .getByText(text)
      .closest('li');
    return entry?.querySelector<HTMLElement>('[aria-hidden]')?.style.background;
  };
  let prepColour: string | undefined;

  it('says what to do when nothing falls due', async () => {
    show();
    expect(await screen.findByText('Nothing falls due in the next 30 days')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Triggers' })).toBeTruthy();
  });

  it('lists what falls due day by day in the studio zone, leaving out the canceled session', async () => {
    made = await sessionReminderStudio(owner.studio.api, async () => {
      await owner.studio.api.post('/clock/advance', { to: '2026-03-06T15:01:00Z' });
    });
    show('/forecast?days=14');
    const day = await screen.findByRole('region', { name: 'Tuesday, March 10, 2026' });
    expect(within(day).getByText('1 due')).toBeTruthy();
    const row = within(day).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Session reminder')).toBeTruthy();
    expect(within(row).getByText('Tue, Mar 10, 2026, 10:00 AM')).toBeTruthy();
    // Named as Process Triggers names it: the client, then the session's description.
    const link = within(row).getByRole('link', {
      name: `Explain Ada Lovelace · Family portrait (Session #${made.keptId})`,
    });
    expect(link.getAttribute('href')).toBe(`/explain?trigger_id=${made.triggerId}&record_id=${made.keptId}`);
    const record = within(row).getByRole('link', {
      name: `Ada Lovelace · Family portrait (Session #${made.keptId})`,
    });
    expect(record.getAttribute('href')).toBe(`/records/sessions/${made.keptId}`);
    expect(screen.queryByRole('region', { name: 'Thursday, March 12, 2026' })).toBeNull();
    expect(screen.getByText(/1 item falls due by .* days in America\/New_York/)).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Falls due (America/New_York)' })).toBeTruthy();
  });

  it('counts each day of the calendar by trigger, from today, Monday first, weekends shaded', async () => {
    // A second trigger a day before each session, and two more sessions on Wednesday 11 March.
    const { sessionType, taskType } = made;
    prepId = (
      await owner.studio.api.post<{ id: number }>('/triggers', {
        name: 'Prep call',
        trigger_type: 'session_type',
        filter_type_id: sessionType,
        date_option: 'session_start',
        offset: { when: 'before', amount: 1, unit: 'days' },
        exclusions: { canceled: true },
        processing: 'manual',
        action: 'task',
        action_settings: { task_type_id: taskType, subject: 'Prepare' },
      })
    ).id;
    await owner.studio.api.post('/clock/advance', { to: '2026-03-06T15:02:00Z' });
    for (const start of ['2026-03-11T13:00:00Z', '2026-03-11T19:00:00Z']) {
      await owner.studio.api.post('/sessions', {
        client_id: made.clientId,
        session_type_id: sessionType,
        start,
      });
    }
    show('/forecast?days=14');
    const grid = await calendar();
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    const today = within(grid).getByRole('button', { name: 'Fri 6 Mar: nothing due' });
    expect(today.getAttribute('aria-current')).toBe('date');
    expect(within(grid).getByRole('button', { name: 'Mon 9 Mar: 1 due (1 Prep call)' })).toBeTruthy();
    const tuesday = within(grid).getByRole('button', {
      name: 'Tue 10 Mar: 3 due (2 Prep call, 1 Session reminder)',
    });
    expect(within(tuesday).getByText('3 due')).toBeTruthy();
    expect(within(grid).getByRole('button', { name: 'Wed 11 Mar: 2 due (2 Session reminder)' })).toBeTruthy();
    // Before today and after the window's last day (Fri 20 Mar) the weeks are filled, not buttons.
    expect(within(grid).queryByRole('button', { name: /^Thu 5 Mar/ })).toBeNull();
    expect(within(grid).getByRole('button', { name: 'Fri 20 Mar: nothing due' })).toBeTruthy();
    expect(within(grid).queryByRole('button', { name: /^Sat 21 Mar/ })).toBeNull();
    expect(
      within(grid).getByRole('button', { name: 'Sat 7 Mar (not a work day): nothing due' }),
    ).toBeTruthy();
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getByText('Session reminder (3)')).toBeTruthy();
    expect(within(legend).getByText('Prep call (3)')).toBeTruthy();
    prepColour = legendColour('Prep call (3)');
    expect(prepColour).not.toBe(legendColour('Session reminder (3)'));
  });

  it('shows the picked day’s items below the calendar and puts the day in the address', async () => {
    show('/forecast?days=14');
    const grid = await calendar();
    expect(await screen.findByRole('region', { name: 'Monday, March 9, 2026' })).toBeTruthy();
    await userEvent.click(within(grid).getByRole('button', { name: /^Tue 10 Mar: 3 due/ }));
    expect(address()).toBe('/forecast?days=14&day=2026-03-10');
    const day = screen.getByRole('region', { name: 'Tuesday, March 10, 2026' });
    expect(
      within(day)
        .getAllByRole('row')
        .slice(1)
        .map((r) => (r as HTMLTableRowElement).cells[0]?.textContent),
    ).toEqual(['Prep call', 'Session reminder', 'Prep call']);
    expect(screen.queryByRole('region', { name: 'Monday, March 9, 2026' })).toBeNull();
    expect(
      within(grid)
        .getByRole('button', { name: /^Tue 10 Mar/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Show every day' }));
    expect(address()).toBe('/forecast?days=14');
    expect(screen.getByRole('region', { name: 'Monday, March 9, 2026' })).toBeTruthy();
  });

  it('opens on the day in the address, and moves between days with the arrow keys', async () => {
    show('/forecast?day=2026-03-11');
    const grid = await calendar();
    const day = screen.getByRole('region', { name: 'Wednesday, March 11, 2026' });
    expect(
      within(day).getAllByRole('link', { name: /^Explain Ada Lovelace · .* \(Session #\d+\)$/ }),
    ).toHaveLength(2);
    const wednesday = within(grid).getByRole('button', { name: /^Wed 11 Mar/ });
    const tuesday = within(grid).getByRole('button', { name: /^Tue 10 Mar/ });
    expect([wednesday.tabIndex, tuesday.tabIndex]).toEqual([0, -1]);
    wednesday.focus();
    await userEvent.keyboard('{ArrowUp}'); // Wed 4 Mar is before today: the focus stays
    expect(document.activeElement).toBe(wednesday);
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(tuesday);
    expect([wednesday.tabIndex, tuesday.tabIndex]).toEqual([-1, 0]);
    await userEvent.keyboard('{Enter}');
    expect(address()).toBe('/forecast?day=2026-03-10');
    expect(screen.getByRole('region', { name: 'Tuesday, March 10, 2026' })).toBeTruthy();
  });

  it('shows only the chosen trigger in the calendar, in its own colour', async () => {
    show('/forecast?days=14');
    await calendar();
    await chooseOption(document.body, 'Trigger', 'Prep call');
    expect(address()).toBe(`/forecast?days=14&trigger_id=${prepId}`);
    const grid = await calendar();
    await waitFor(() =>
      expect(within(grid).getByRole('button', { name: 'Tue 10 Mar: 2 due (2 Prep call)' })).toBeTruthy(),
    );
    expect(within(grid).getByRole('button', { name: 'Wed 11 Mar: nothing due' })).toBeTruthy();
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).queryByText(/Session reminder/)).toBeNull();
    expect(legendColour('Prep call (3)')).toBe(prepColour);
  });
});
