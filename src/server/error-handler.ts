import type { FastifyError, FastifyInstance } from 'fastify';
import type { AppShellFallback } from './web-app/register-web-app.js';
import { AppError, type ProblemDetail } from '../domain/errors.js';

/**
 * Every error leaves as JSON `{code, message, details[]}`. Coded errors keep their status; Fastify's
 * own request errors (bad JSON, a body too large, an unknown route) are given a code too; anything
 * else is a 500 whose details stay in the log, not in the response.
 */
export function registerErrorHandler(app: FastifyInstance, appShell?: AppShellFallback): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'ERR_RATE_LIMITED')
        void reply.header('retry-after', String(error.retryAfterSeconds ?? 60));
      return reply
        .status(error.status)
        .send({ code: error.code, message: error.message, details: error.details });
    }
    if (error.validation) {
      const details: ProblemDetail[] = error.validation.map((v) => ({
        path: [String(error.validationContext ?? ''), ...v.instancePath.split('/').filter(Boolean)]
          .concat(v.keyword === 'required' ? [String(v.params.missingProperty)] : [])
          .filter(Boolean)
          .join('.'),
        problem: v.message ?? 'is not valid',
      }));
      return reply.status(400).send({ code: 'ERR_VALIDATION', message: 'The request is not valid', details });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 404 ? 'ERR_NOT_FOUND' : status === 429 ? 'ERR_RATE_LIMITED' : 'ERR_VALIDATION';
      return reply
        .status(status)
        .send({ code, message: error.message, details: [{ path: '', problem: error.message }] });
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send({ code: 'ERR_INTERNAL', message: 'Something went wrong on our side', details: [] });
  });
  // A client-side route of the web app (/triggers) is no route of the server: the app's page
  // answers it; everything else unknown is the JSON 404.
  app.setNotFoundHandler(async (request, reply) => {
    if (appShell && (await appShell(request, reply))) return reply;
    return reply.status(404).send({
      code: 'ERR_NOT_FOUND',
      message: `There is no ${request.method} ${request.url.split('?')[0]}`,
      details: [],
    });
  });
}
