import { screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForecastScreen } from '../src/screens/forecast/forecast-screen';
import type { Session } from '../src/session/session-context';
import { sessionReminderStudio } from './insight-fixture';
import { ownerSession, renderScreen } from './session-render';
import { startTestStudio } from './test-studio';

describe('Forecast screen', () => {
  let studio: Awaited<ReturnType<typeof startTestStudio>>;
  let session: Session;

  beforeAll(async () => {
    studio = await startTestStudio({ is_sandbox: true });
    session = await ownerSession(studio.api, studio.email, studio.password);
  });
  afterAll(() => studio.close());

  const show = (path = '/forecast') => renderScreen(session, path, <ForecastScreen />);

  it('says what to do when nothing falls due', async () => {
    show();
    expect(await screen.findByText('Nothing falls due in the next 30 days')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Triggers' })).toBeTruthy();
  });

  it('lists what falls due day by day in the studio zone, leaving out the canceled session', async () => {
    const made = await sessionReminderStudio(studio.api, async () => {
      await studio.api.post('/clock/advance', { to: '2026-03-06T15:01:00Z' });
    });
    show('/forecast?days=14');
    const day = await screen.findByRole('region', { name: 'Tuesday, March 10, 2026' });
    expect(within(day).getByText('1 due')).toBeTruthy();
    const row = within(day).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Session reminder')).toBeTruthy();
    expect(within(row).getByText('Tue, Mar 10, 2026, 10:00 AM')).toBeTruthy();
    const link = within(row).getByRole('link', { name: `Explain Session #${made.keptId}` });
    expect(link.getAttribute('href')).toBe(`/explain?trigger_id=${made.triggerId}&record_id=${made.keptId}`);
    expect(screen.queryByRole('region', { name: 'Thursday, March 12, 2026' })).toBeNull();
    expect(screen.getByText(/1 item falls due by .* days in America\/New_York/)).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Falls due (America/New_York)' })).toBeTruthy();
  });
});
