import type { SendOutcome } from '../channel.js';

/**
 * What a failed HTTP request to a provider means when no answer came back: the connection was
 * refused or reset, the name did not resolve, or our own timeout aborted it. All of these are
 * temporary: nothing says the message is wrong, and the dispatcher's age limit ends the retries.
 *
 * A timeout or reset after the request went out is ambiguous (the provider may have accepted it),
 * so a retry can send the message twice; the timeout is generous for that reason.
 */
export function networkErrorOutcome(provider: string, error: unknown, timeoutMs: number): SendOutcome {
  if (isAbort(error)) {
    return {
      kind: 'temporary',
      code: 'timeout',
      reason: `no answer from ${provider} within ${formatSeconds(timeoutMs)}`,
    };
  }
  const systemCode = systemErrorCode(error);
  const detail = messageChain(error);
  return {
    kind: 'temporary',
    code: systemCode ?? 'network-error',
    reason: `could not reach ${provider}: ${detail}`,
  };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** undici wraps the socket's error: `TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })`. */
function systemErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    const inner = (e as { errors?: unknown }).errors;
    // Happy eyeballs tries IPv4 and IPv6 and reports both in an AggregateError.
    if (Array.isArray(inner)) {
      const found = inner.map(systemErrorCode).find(Boolean);
      if (found) return found;
    }
  }
  return undefined;
}

function messageChain(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const message = e instanceof Error ? e.message : String(e);
    if (message && !parts.includes(message)) parts.push(message);
  }
  return parts.join(': ') || 'unknown error';
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
