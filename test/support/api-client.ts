import type { FastifyInstance } from 'fastify';
import { call } from './studio-fixture.js';

export interface ApiResponse {
  status: number;
  body: any;
}

/** The records API as one caller sees it: paths are relative to /api/v1, every call carries the token. */
export interface ApiClient {
  get(path: string): Promise<ApiResponse>;
  post(path: string, body?: unknown): Promise<ApiResponse>;
  patch(path: string, body: unknown): Promise<ApiResponse>;
  delete(path: string): Promise<ApiResponse>;
  /** POSTs and returns the created record; a refusal fails the test with the error body, not later. */
  create(path: string, body: unknown): Promise<any>;
  /** GETs and returns the body; anything but 200 fails the test with the error body. */
  read(path: string): Promise<any>;
}

export function apiClient(app: FastifyInstance, token: string): ApiClient {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    call(app, token, method, `/api/v1${path}`, body);
  const expectStatus = async (wanted: number, what: string, response: Promise<ApiResponse>) => {
    const { status, body } = await response;
    if (status !== wanted)
      throw new Error(`${what}: expected ${wanted}, got ${status} ${JSON.stringify(body)}`);
    return body;
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    patch: (path, body) => send('PATCH', path, body),
    delete: (path) => send('DELETE', path),
    create: (path, body) => expectStatus(201, `POST ${path}`, send('POST', path, body)),
    read: (path) => expectStatus(200, `GET ${path}`, send('GET', path)),
  };
}
