import type { FastifyInstance } from 'fastify';

/**
 * A fetch that reaches a real Triggerfish server in-process (app.inject), keeping its session
 * cookie like a browser: the components talk to the real API, its validation and its errors.
 */
export function inProcessFetch(app: FastifyInstance): typeof fetch {
  let cookie = '';
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const headers = { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) };
    const answer = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: url.pathname + url.search,
      headers,
      ...(init.body !== undefined ? { payload: String(init.body) } : {}),
    });
    const set = answer.headers['set-cookie'];
    if (set) cookie = String([set].flat()[0]).split(';')[0] ?? '';
    // The raw bytes: a PDF is not text.
    return new Response(answer.statusCode === 204 ? null : new Uint8Array(answer.rawPayload), {
      status: answer.statusCode,
      headers: { 'content-type': String(answer.headers['content-type'] ?? 'text/plain') },
    });
  }) as typeof fetch;
}
