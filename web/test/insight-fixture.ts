import type { ApiClient } from '../src/api/api-client';

/**
 * A session trigger and two sessions of a client made through the real API, as staff would: a
 * "Session reminder" that makes a task when a Portrait session starts, one session kept and one
 * canceled after it was booked. The clock moves on a minute between the trigger and the sessions so
 * the sessions come after the trigger's baseline.
 */
export async function sessionReminderStudio(api: ApiClient, advance: () => Promise<void>) {
  const post = async (path: string, body: unknown) => (await api.post<{ id: number }>(path, body)).id;
  const sessionType = await post('/types', { kind: 'session', name: 'Portrait' });
  const taskType = await post('/types', { kind: 'task', name: 'Reminder call' });
  const triggerId = await post('/triggers', {
    name: 'Session reminder',
    trigger_type: 'session_type',
    filter_type_id: sessionType,
    date_option: 'session_start',
    exclusions: { canceled: true },
    processing: 'manual',
    action: 'task',
    action_settings: { task_type_id: taskType, subject: 'Remind the client' },
  });
  await advance();
  const clientId = await post('/clients', { first_name: 'Ada', last_name: 'Lovelace' });
  const session = (description: string, start: string) =>
    post('/sessions', { client_id: clientId, session_type_id: sessionType, start, description });
  const keptId = await session('Family portrait', '2026-03-10T14:00:00Z');
  const canceledId = await session('Headshots', '2026-03-12T18:00:00Z');
  await api.patch(`/sessions/${canceledId}`, { canceled: true });
  return { triggerId, clientId, keptId, canceledId, sessionType, taskType };
}
