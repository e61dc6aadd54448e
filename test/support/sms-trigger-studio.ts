import type { FastifyInstance } from 'fastify';
import { createServer, type AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { deliveryChannels, type DeliverySetup } from '../../src/delivery/delivery-channels.js';
import type { ManualClock } from '../../src/domain/clock.js';
import { buildServer } from '../../src/server/build-server.js';
import type { Store } from '../../src/store/database.js';
import { apiClient, type ApiClient } from './api-client.js';
import { startFakeTwilio, type FakeTwilio } from './fake-twilio.js';
import { makeStudio } from './studio-fixture.js';

export interface SmsTriggerStudio {
  twilio: FakeTwilio;
  delivery: DeliverySetup;
  app: FastifyInstance;
  api: ApiClient;
  studioId: number;
  /** A Client Status trigger on "created" that texts `body` to every new client. */
  triggerId: number;
  close(): Promise<void>;
}

/**
 * A real studio (not a sandbox) whose SMS go to a Twilio stand-in, with one trigger texting every
 * new client. With `listen`, the server listens on a port of its own that PUBLIC_URL names, so
 * the stand-in can post status callbacks to it as Twilio does.
 */
export async function smsTriggerStudio(
  store: Store,
  clock: ManualClock,
  options: { body: string; listen?: boolean },
): Promise<SmsTriggerStudio> {
  const twilio = await startFakeTwilio();
  const port = options.listen ? await freePort() : null;
  const config = loadConfig({
    TWILIO_BASE_URL: twilio.baseUrl,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    SMS_SEGMENTS_PER_SECOND: '0',
    ...(port === null ? {} : { PUBLIC_URL: `http://127.0.0.1:${port}` }),
  });
  const delivery = deliveryChannels(config, clock);
  const app = await buildServer({ store, clock, config, delivery });
  if (port !== null) await app.listen({ host: '127.0.0.1', port });
  const fixture = await makeStudio(store, clock, { sms_from_number: '+12025550100' });
  const api = apiClient(app, fixture.tokens.admin);
  const template = await api.create('/templates', {
    name: 'Text',
    channel: 'sms',
    basis: 'client',
    body_text: options.body,
  });
  const trigger = await api.create('/triggers', {
    name: 'Text new clients',
    trigger_type: 'client_status',
    date_option: 'created',
    action: 'sms',
    action_settings: { sms_template_id: template.id },
  });
  return {
    twilio,
    delivery,
    app,
    api,
    studioId: fixture.studio.id,
    triggerId: trigger.id,
    close: async () => {
      await app.close();
      await delivery.close();
      await twilio.close();
    },
  };
}

/** A port nothing listens on: bound once, then released. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
