import type { RouteShorthandOptions } from 'fastify';

/**
 * For routes whose schemas document the API (OpenAPI) while the code checks input itself, so that
 * every problem is reported at once in the house error shape, and responses are plain JSON.
 */
export const describeOnly: Pick<RouteShorthandOptions, 'validatorCompiler' | 'serializerCompiler'> = {
  validatorCompiler: () => (value) => ({ value }),
  serializerCompiler: () => (data) => JSON.stringify(data),
};
