import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../store/database.js';
import { addMember, changeMember, getMember, listMembers, removeMember } from '../../store/studio-members.js';
import { authOf, requireRole } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';
import { errorSchema } from '../record-schemas.js';
import { studioOf } from './records.js';

const tags = ['Staff'];
const idParam = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const memberSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    email: { type: 'string' },
    name: { type: 'string' },
    mobile: { type: 'string', nullable: true },
    role: { type: 'string', enum: ['owner', 'admin', 'staff'] },
    department_id: { type: 'integer', nullable: true },
  },
};
const memberChanges = {
  name: { type: 'string' },
  mobile: { type: 'string', nullable: true },
  role: { type: 'string', enum: ['owner', 'admin', 'staff'], default: 'staff' },
  department_id: { type: 'integer', nullable: true },
};

/**
 * The studio's staff members. Everyone reads the list (tasks and sessions are assigned to staff);
 * owners and admins manage it, and only owners manage owners (src/domain/roles.ts).
 */
export function registerUserRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  app.get('/api/v1/users', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listUsers',
      summary: "The studio's staff members",
      response: { 200: { type: 'object', properties: { data: { type: 'array', items: memberSchema } } } },
    },
    handler: async (request) => ({ data: await listMembers(db, authOf(request).studioId) }),
  });

  app.get('/api/v1/users/:id', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'getUser',
      summary: 'A staff member',
      params: idParam,
      response: { 200: memberSchema, ...errors },
    },
    handler: async (request) => getMember(db, authOf(request).studioId, parseId(request)),
  });

  app.post('/api/v1/users', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'addUser',
      summary: 'Add a staff member (owner, admin)',
      description:
        'Creates the user when the email is new; adds an existing user (who may work for other studios) to this studio otherwise.',
      body: {
        type: 'object',
        properties: {
          email: { type: 'string', format: 'email' },
          password: { type: 'string', description: 'Only for a new user; at least 10 characters' },
          ...memberChanges,
        },
        required: ['email'],
      },
      response: { 201: memberSchema, ...errors },
    },
    handler: async (request, reply) => {
      const auth = requireRole(request, 'admin');
      const member = await addMember(db, clock, await studioOf(db, request), auth.role, request.body);
      return reply.status(201).send(member);
    },
  });

  app.patch('/api/v1/users/:id', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'updateUser',
      summary: "Change a staff member's role, department, name or mobile (owner, admin)",
      params: idParam,
      body: {
        type: 'object',
        properties: memberChanges,
      },
      response: { 200: memberSchema, ...errors },
    },
    handler: async (request) => {
      const auth = requireRole(request, 'admin');
      const studio = await studioOf(db, request);
      return changeMember(db, clock, studio, auth.role, parseId(request), request.body);
    },
  });

  app.delete('/api/v1/users/:id', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'removeUser',
      summary: 'Remove a staff member from this studio (the user stays) (owner, admin)',
      description:
        'Refused with 409 for yourself (another owner or admin removes you) and for the last owner of the studio.',
      params: idParam,
      response: { 204: { type: 'null' }, ...errors },
    },
    handler: async (request, reply) => {
      const auth = requireRole(request, 'admin');
      await removeMember(db, clock, auth.studioId, auth, parseId(request));
      return reply.status(204).send();
    },
  });
}
