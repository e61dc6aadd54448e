import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../config.js';
import type { Clock } from '../../domain/clock.js';
import {
  UNSUBSCRIBE_PATH,
  verifyUnsubscribeToken,
  type UnsubscribeRef,
} from '../../domain/unsubscribe-token.js';
import {
  unsubscribeByLink,
  unsubscribeTarget,
  type UnsubscribeTarget,
} from '../../inbound/unsubscribe-by-link.js';
import type { Db } from '../../store/database.js';
import { instanceSecret } from '../../store/instance-secret.js';
import { PAGE_HEADERS, unsubscribePage } from '../unsubscribe-page.js';

/** A one-click POST carries a few bytes; anything more is not one. */
const FORM_LIMIT = 16 * 1024;

const schema = (operationId: string, summary: string, description: string) => ({
  tags: ['Inbound'],
  operationId,
  summary,
  description,
  security: [],
  params: { type: 'object', properties: { token: { type: 'string' } } },
});

/**
 * The page behind every marketing message's unsubscribe link (`/u/<token>`, SPEC §5). GET shows
 * the studio and a button and changes nothing (mail scanners open links); POST unsubscribes: the
 * page's button and RFC 8058 one-click (`List-Unsubscribe=One-Click`, as mail providers send it,
 * form-encoded or multipart) alike. The signed token is the authentication; a token that does not
 * verify, or whose message is gone, gets a 404 page and changes nothing.
 */
export function registerUnsubscribeRoutes(app: FastifyInstance, db: Db, clock: Clock, config: Config): void {
  const secret = () => config.unsubscribeSecret ?? instanceSecret(db, 'unsubscribe', clock.now());
  const resolve = async (
    token: string,
  ): Promise<{ ref: UnsubscribeRef; target: UnsubscribeTarget } | null> => {
    const ref = verifyUnsubscribeToken(await secret(), token);
    if (!ref) return null;
    const target = await unsubscribeTarget(db, ref);
    return target ? { ref, target } : null;
  };
  const invalid = (reply: FastifyReply) =>
    reply
      .status(404)
      .headers(PAGE_HEADERS)
      .send(unsubscribePage({ kind: 'invalid' }));
  const path = `${UNSUBSCRIBE_PATH}:token`;

  void app.register(async (scope) => {
    // One-click bodies may come as multipart/form-data (RFC 8058 prefers it); the body is never
    // read — the token is all that counts — so every type is accepted and kept as text.
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    scope.get(path, {
      config: { public: true },
      schema: schema(
        'showUnsubscribePage',
        'The unsubscribe page of a marketing message (HTML)',
        'Names the studio and asks to confirm; changes nothing. 404 page for a token that is not valid.',
      ),
      handler: async (request, reply) => {
        const found = await resolve((request.params as { token: string }).token);
        if (!found) return invalid(reply);
        return reply.headers(PAGE_HEADERS).send(
          unsubscribePage({
            kind: 'confirm',
            studioName: found.target.studioName,
            channel: found.ref.channel,
            alreadyOut: found.target.alreadyOut,
          }),
        );
      },
    });
    scope.post(path, {
      config: { public: true },
      bodyLimit: FORM_LIMIT,
      schema: schema(
        'unsubscribe',
        'Unsubscribe (the page’s button, or RFC 8058 one-click with List-Unsubscribe=One-Click)',
        'Clears Allow Marketing of the channel for the client the message went to, writes the consent ledger and records an unsubscribed email event. Twice is the same as once.',
      ),
      handler: async (request, reply) => {
        const found = await resolve((request.params as { token: string }).token);
        if (!found) return invalid(reply);
        await unsubscribeByLink(db, clock, found.ref, found.target);
        return reply.headers(PAGE_HEADERS).send(
          unsubscribePage({
            kind: 'done',
            studioName: found.target.studioName,
            channel: found.ref.channel,
          }),
        );
      },
    });
  });
}
