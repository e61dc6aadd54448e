import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { publicUrlOf, type Config } from '../config.js';
import { deliveryChannels, type DeliverySetup } from '../delivery/delivery-channels.js';
import type { Clock } from '../domain/clock.js';
import type { Store } from '../store/database.js';
import { registerAuthentication } from './auth/authenticate.js';
import { registerErrorHandler } from './error-handler.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerCallRoutes } from './routes/calls.js';
import { registerCommunicationRoutes } from './routes/communications.js';
import { registerDeliveryRoutes } from './routes/deliveries.js';
import { registerConsentEventRoutes } from './routes/consent-events.js';
import { registerControlCenterRoutes } from './routes/control-center.js';
import { registerPrintBatchRoutes } from './routes/print-batches.js';
import { registerTriggeredItemRoutes } from './routes/triggered-items.js';
import { registerQueueRoutes } from './routes/queue.js';
import { registerTriggerInsightRoutes } from './routes/trigger-insights.js';
import { registerRecordRoutes } from './routes/records.js';
import { registerStudioRoutes } from './routes/studio.js';
import { registerTaskActionRoutes } from './routes/task-actions.js';
import { registerLoyaltyRedemptionRoutes } from './routes/loyalty-redemptions.js';
import { registerTemplateRoutes } from './routes/templates.js';
import { registerTokenRoutes } from './routes/tokens.js';
import { registerTriggerRoutes } from './routes/triggers.js';
import { registerTwilioWebhookRoutes } from './routes/twilio-webhooks.js';
import { registerMessageRoutes } from './routes/messages.js';
import { registerUserRoutes } from './routes/users.js';
import { registerWebFormPages } from './routes/web-form-pages.js';
import { DEFAULT_WEB_APP_DIR, registerWebApp } from './web-app/register-web-app.js';
import { registerEmailBlockRoutes } from './routes/email-blocks.js';
import { registerEmailEventRoutes } from './routes/email-events.js';
import { registerUnsubscribeRoutes } from './routes/unsubscribe.js';

export interface ServerDeps {
  store: Store;
  clock: Clock;
  config: Config;
  logger?: FastifyServerOptions['logger'];
  /**
   * Told about every route as it is added. Tests use it to enumerate the API, so that a new route
   * the studio-isolation matrix does not cover fails the suite.
   */
  onRoute?: (route: RouteOptions) => void;
  /** The delivery channels of this process; made from the configuration when not given. */
  delivery?: DeliverySetup;
  /** The built staff web app (index.html, assets/); dist-web/ when not given. */
  webAppDir?: string;
}

const BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP app without listening; tests drive it with `app.inject()`. */
export async function buildServer({
  store,
  clock,
  config,
  logger = false,
  onRoute,
  delivery,
  webAppDir = DEFAULT_WEB_APP_DIR,
}: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    // A hop count, never `true`: trusting every X-Forwarded-For entry would let a caller invent
    // its address and walk around the per-address sign-in limit.
    // (proxy-addr counts hops from the socket: hop 0 is the nearest proxy.)
    trustProxy: config.trustProxyHops > 0 ? (_address, hop) => hop < config.trustProxyHops : false,
    ajv: { customOptions: { allErrors: true } },
  });
  if (onRoute) app.addHook('onRoute', onRoute);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Triggerfish API',
        version: '1',
        description:
          'Studio records, catalogs, triggers and settings. Authenticate with the session cookie from POST /api/v1/auth/login (writes need the X-CSRF-Token header) or with `Authorization: Bearer tfk_…`. Errors are `{code, message, details[{path, problem}]}`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'tf_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerErrorHandler(app, await registerWebApp(app, webAppDir));
  registerAuthentication(app, store.db, clock);

  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/api/v1/health',
    {
      config: { public: true },
      schema: {
        tags: ['Operations'],
        operationId: 'getHealth',
        summary: 'Liveness: answers when the server and database do',
        security: [],
      },
    },
    async () => {
      await store.db.selectFrom('studios').select('id').limit(1).execute();
      return { status: 'ok', database: store.dialect };
    },
  );
  registerAuthRoutes(app, store.db, clock, config);
  registerUserRoutes(app, store.db, clock);
  registerTokenRoutes(app, store.db, clock);
  registerStudioRoutes(app, store.db, clock);
  registerRecordRoutes(app, store.db, clock);
  registerConsentEventRoutes(app, store.db);
  const channels = delivery ?? deliveryChannels(config, clock);
  // Channels made here are the server's to close; given ones belong to the caller.
  if (!delivery) app.addHook('onClose', () => channels.close());
  const processing = { publicUrl: publicUrlOf(config), ...channels };
  registerControlCenterRoutes(app, store.db, clock, processing);
  registerQueueRoutes(app, store.db, clock, processing);
  registerTriggeredItemRoutes(app, store.db);
  registerCommunicationRoutes(app, store.db);
  registerDeliveryRoutes(app, store.db, clock);
  registerPrintBatchRoutes(app, store.db, clock);
  registerCallRoutes(app, store.db, clock);
  registerTaskActionRoutes(app, store.db, clock);
  registerLoyaltyRedemptionRoutes(app, store.db, clock);
  registerTemplateRoutes(app, store.db, clock);
  registerTriggerRoutes(app, store.db, clock);
  registerTriggerInsightRoutes(app, store.db, clock);
  // Public pages outside /api/v1: web forms (docs/inbound.md).
  registerWebFormPages(app, store.db, clock, config);
  // Inbound SMS: Twilio's webhooks and the Messages inbox.
  registerTwilioWebhookRoutes(app, store.db, clock, config, channels.providers);
  registerMessageRoutes(app, store.db, clock, channels.providers);
  // Email events, the block list and unsubscribe links (SPEC §5).
  registerEmailEventRoutes(app, store.db, clock, config);
  registerEmailBlockRoutes(app, store.db, clock);
  registerUnsubscribeRoutes(app, store.db, clock, config);
  return app;
}
