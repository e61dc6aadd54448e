import type { FastifyRequest } from 'fastify';
import { validationError } from '../domain/errors.js';

/** The `:id` of a route as a number; anything but a positive whole number is a 400 naming `id`. */
export function parseId(request: FastifyRequest): number {
  const raw = (request.params as { id: string }).id;
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1)
    throw validationError([{ path: 'id', problem: 'must be a positive whole number' }]);
  return Number(raw);
}
