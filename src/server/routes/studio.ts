import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../store/database.js';
import { getStudio, studioJson, updateStudio } from '../../store/studios.js';
import { authOf, requireRole } from '../auth/request-auth.js';

/** The current studio's settings: everyone reads them, owners and admins change them. */
export function registerStudioRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  app.get(
    '/api/v1/studio',
    {
      schema: { tags: ['Studio'], operationId: 'getStudio', summary: 'The current studio and its settings' },
    },
    async (request) => studioJson(await getStudio(db, authOf(request).studioId)),
  );
  app.patch(
    '/api/v1/studio',
    {
      schema: {
        tags: ['Studio'],
        operationId: 'updateStudio',
        summary: 'Change studio settings (owner, admin)',
      },
    },
    async (request) => {
      const auth = requireRole(request, 'admin');
      return studioJson(await updateStudio(db, clock, auth.studioId, request.body));
    },
  );
}
