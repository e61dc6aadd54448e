import { describe, expect, it } from 'vitest';
import { networkErrorOutcome } from '../../src/delivery/channels/network-error-outcome.js';

const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('networkErrorOutcome', () => {
  it('names an abort as a timeout', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(networkErrorOutcome('Twilio', abort, 15_000)).toEqual({
      kind: 'temporary',
      code: 'timeout',
      reason: 'no answer from Twilio within 15 s',
    });
  });

  it("reads the socket's code from fetch's cause", () => {
    const error = new TypeError('fetch failed', { cause: systemError('ECONNRESET', 'read ECONNRESET') });
    expect(networkErrorOutcome('Twilio', error, 1000)).toEqual({
      kind: 'temporary',
      code: 'ECONNRESET',
      reason: 'could not reach Twilio: fetch failed: read ECONNRESET',
    });
  });

  it('reads the code inside an AggregateError (IPv4 and IPv6 both refused)', () => {
    const both = new AggregateError([systemError('ECONNREFUSED', 'connect ECONNREFUSED ::1:443')], '');
    const error = new TypeError('fetch failed', { cause: both });
    expect(networkErrorOutcome('Twilio', error, 1000)).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('takes an error without a code as a temporary network error', () => {
    expect(networkErrorOutcome('Twilio', new TypeError('fetch failed'), 1000)).toEqual({
      kind: 'temporary',
      code: 'network-error',
      reason: 'could not reach Twilio: fetch failed',
    });
  });
});
