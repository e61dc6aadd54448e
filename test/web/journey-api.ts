import { systemClock } from '../../src/domain/clock.js';
import { createApiToken } from '../../src/store/api-tokens.js';
import type { Journey } from './journey-studio.js';

/**
 * The API as an integration calls it, with an owner's token of the demo studio, so a journey sets
 * the studio up the way staff would before the browser looks at it.
 */
export async function ownerApi({ store, server }: Journey) {
  const { token } = await createApiToken(
    store.db,
    systemClock,
    server.studio.id,
    server.owner.id,
    'journey',
    'owner',
  );
  const api = async (method: string, path: string, body?: unknown): Promise<any> => {
    const answer = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await answer.json();
    if (!answer.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  };
  /** Moves the sandbox's test clock `minutes` on, running the Control Center there. */
  const tick = async (minutes = 1) => {
    const { now } = (await api('GET', '/clock')) as { now: string };
    await api('POST', '/clock/advance', { to: new Date(Date.parse(now) + minutes * 60_000).toISOString() });
  };
  return { api, tick };
}

/**
 * A "Welcome email" template and a manual trigger that sends it to every new client, then a tick so
 * that the trigger's baseline lies behind the clients a journey creates next. Answers the trigger's id.
 */
export async function welcomeEmailTrigger({ api, tick }: Awaited<ReturnType<typeof ownerApi>>) {
  const template = await api('POST', '/templates', {
    name: 'Welcome email',
    channel: 'email',
    basis: 'client',
    subject: 'Welcome to Lakeshore, {{ client.first_name }}',
    body_html: '<p>Hello {{ client.first_name }},</p><p>thank you for choosing {{ studio.name }}.</p>',
    body_text: 'Hello {{ client.first_name }}, thank you for choosing {{ studio.name }}.',
  });
  const trigger = await api('POST', '/triggers', {
    name: 'Welcome email',
    trigger_type: 'client_status',
    date_option: 'created',
    processing: 'manual',
    action: 'email',
    action_settings: { email_template_id: template.id },
  });
  await tick();
  return Number(trigger.id);
}
