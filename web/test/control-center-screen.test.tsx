import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ControlCenterScreen } from '../src/screens/control-center/control-center-screen';
import { SandboxBanner } from '../src/shell/sandbox-banner';
import { useOwnerStudio } from './owner-studio';
import { renderScreen } from './session-render';

describe('Control Center screen of a sandbox studio', () => {
  const owner = useOwnerStudio({ is_sandbox: true });

  const show = () => renderScreen(owner.session, '/control-center', <ControlCenterScreen />);
  const target = () => screen.getByLabelText(/^Advance to \(America\/New_York\)/) as HTMLInputElement;

  it('shows the studio time in its zone and says how to get a first run', async () => {
    show();
    expect(await screen.findByText('The Control Center has not run for this studio yet')).toBeTruthy();
    expect(screen.getByText(/Advance the test clock above/)).toBeTruthy();
    // 15:00 UTC is 10:00 in New York; the field proposes an hour later, in studio time.
    expect(screen.getByText('Fri, Mar 6, 2026, 10:00 AM')).toBeTruthy();
    expect(target().value).toBe('2026-03-06T11:00');
  });

  it('refuses a time before the clock under the field, and advances nothing', async () => {
    show();
    await screen.findByText('The Control Center has not run for this studio yet');
    fireEvent.change(target(), { target: { value: '2026-03-06T09:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Advance clock' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Run 1 time' }));
    await waitFor(() => expect(target().getAttribute('aria-invalid')).toBe('true'));
    expect(
      screen.getByText(/backwards|before|earlier/i, { selector: '.mantine-InputWrapper-error' }),
    ).toBeTruthy();
    expect(screen.getByText('The Control Center has not run for this studio yet')).toBeTruthy();
  });

  it('states the number of runs before advancing, then lists every run in studio time', async () => {
    show();
    await screen.findByText('The Control Center has not run for this studio yet');
    fireEvent.change(target(), { target: { value: '2026-03-06T14:00' } });
    await userEvent.type(screen.getByRole('textbox', { name: /Run every/ }), '60');
    await userEvent.click(screen.getByRole('button', { name: 'Advance clock' }));
    const dialog = await screen.findByRole('dialog', { name: 'Advance the test clock?' });
    expect(
      within(dialog).getByText(/will run 4 times, up to Fri, Mar 6, 2026, 2:00 PM \(America\/New_York\)/),
    ).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run 4 times' }));

    const table = await screen.findByRole('table', { name: 'Control Center runs' });
    expect(screen.getByRole('status').textContent).toContain('4 runs');
    expect(screen.getByText(/^Test clock/).textContent).toContain('Fri, Mar 6, 2026, 2:00 PM');
    const times = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    expect(times).toEqual([
      'Fri, Mar 6, 2026, 2:00 PM',
      'Fri, Mar 6, 2026, 1:00 PM',
      'Fri, Mar 6, 2026, 12:00 PM',
      'Fri, Mar 6, 2026, 11:00 AM',
    ]);
    expect(screen.getByRole('columnheader', { name: 'Ran at, studio time (America/New_York)' })).toBeTruthy();
  });

  it('moves the sandbox banner to the new time as soon as the clock is advanced', async () => {
    renderScreen(
      owner.session,
      '/control-center',
      <>
        <SandboxBanner />
        <ControlCenterScreen />
      </>,
    );
    const banner = await screen.findByRole('status', { name: 'Sandbox studio' });
    await screen.findByRole('table', { name: 'Control Center runs' });
    fireEvent.change(target(), { target: { value: '2026-03-06T15:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Advance clock' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Run 1 time' }));
    await waitFor(() => expect(banner.textContent).toContain('Fri, Mar 6, 2026, 3:00 PM'));
  });
});
