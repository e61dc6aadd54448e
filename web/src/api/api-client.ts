import { ApiError, apiErrorOf } from './api-error';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface ApiClientOptions {
  /** Where /api/v1 lives; the page's own origin when empty. */
  readonly baseUrl?: string;
  /** The fetch to use (tests hand in one that reaches a real server in-process). */
  readonly fetch?: typeof fetch;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The web app's way to the API: JSON in and out, the session cookie sent along, the CSRF token from
 * sign-in added to every write, and every failure thrown as an ApiError in the house shape.
 */
export class ApiClient {
  private csrfToken: string | null = null;
  private readonly baseUrl: string;
  private readonly fetcher: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = `${options.baseUrl ?? ''}/api/v1`;
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Remembers the session's CSRF token (from sign-in or GET /auth/me); null after sign-out. */
  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', withQuery(path, query));
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete(path: string): Promise<void> {
    return this.request<void>('DELETE', path);
  }

  /** A file the API answers with (a print batch's PDF), as a Blob with its content type. */
  async file(method: 'GET' | 'POST', path: string): Promise<Blob> {
    return (await this.send(method, path, undefined, 'application/pdf, application/json')).blob();
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body, 'application/json');
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private async send(method: string, path: string, body: unknown, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (WRITE_METHODS.has(method) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetcher(`${this.baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(
        0,
        'ERR_NETWORK',
        'The server could not be reached. Check the connection and try again.',
      );
    }
    if (!response.ok) throw await apiErrorOf(response);
    return response;
  }
}

/** The path with the query's given values (empty, null and undefined ones left out). */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
