import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/Messages.json`) on a
 * random port of 127.0.0.1, for tests and benchmarks. It checks Basic auth, keeps what it accepted,
 * answers like Twilio, and can be told to fail: for the next requests in order, or for every request
 * to one number. It also plays Twilio's status callbacks, signed the way Twilio signs them.
 */
export type FakeTwilioFailure =
  /** 429 with Twilio's 20429 body, and `Retry-After` when given. */
  | { readonly kind: 'rate-limited'; readonly retryAfter?: string }
  /** 500 or 503 with Twilio's 20500/20503 body, or a bare body (as a proxy in front would send). */
  | { readonly kind: 'server-error'; readonly status: 500 | 502 | 503; readonly bare?: boolean }
  /** A Twilio error body: 21211, 21614, 21610, 30001, … (HTTP 400 unless told). */
  | { readonly kind: 'twilio-error'; readonly code: number; readonly status?: number }
  /** Answers normally, but only after this long: longer than the client's timeout to test it. */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** Cuts the connection without an answer (the client sees a reset socket). */
  | { readonly kind: 'hang-up' };

export interface FakeTwilioMessage {
  readonly sid: string;
  readonly to: string;
  readonly from: string | null;
  readonly body: string;
  readonly messagingServiceSid: string | null;
  readonly statusCallback: string | null;
}

export interface FakeTwilioRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly form: Readonly<Record<string, string>>;
}

export interface FakeTwilio {
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Messages accepted (201), in order. */
  readonly messages: FakeTwilioMessage[];
  /** Every request, accepted or not. */
  readonly requests: FakeTwilioRequest[];
  /** The next requests fail like this, one failure each, in order. */
  failNext(...failures: FakeTwilioFailure[]): void;
  /** Every request to this number fails like this until `clearFailures`. */
  failFor(to: string, failure: FakeTwilioFailure): void;
  clearFailures(): void;
  /**
   * From now on, messages are accepted (kept in `messages`) but their answers are withheld until
   * `releaseAnswers`: Twilio has the message and the sender does not know it yet, the window in
   * which a sender that dies sends the message again.
   */
  holdAnswers(): void;
  /** Answers every withheld message; later ones are answered at once unless `keepHolding`. */
  releaseAnswers(options?: { readonly keepHolding?: boolean }): void;
  /** Resolves once this many answers are withheld (counting since the last release). */
  untilHeld(count: number): Promise<void>;
  /**
   * POSTs a status callback for an accepted message to its StatusCallback address, as Twilio does
   * when the message's status changes. Answers the HTTP status the listener returned.
   */
  sendStatusCallback(sid: string, status: string, errorCode?: number): Promise<number>;
  close(): Promise<void>;
}

const ERROR_MESSAGES: Record<number, string> = {
  20003: 'Authenticate',
  20404: 'The requested resource was not found',
  20429: 'Too Many Requests',
  20500: 'Internal Server Error',
  20503: 'Service Unavailable',
  21211: "The 'To' number is not a valid phone number.",
  21602: 'Message body is required.',
  21603: "A 'From' or 'MessagingServiceSid' parameter is required to send a message.",
  21604: "A 'To' phone number is required.",
  21610: 'Attempt to send to unsubscribed recipient',
  21614: "'To' number is not a valid mobile number",
  30001: 'Queue overflow',
};

export async function startFakeTwilio(
  accountSid = `AC${randomBytes(16).toString('hex')}`,
  authToken = randomBytes(16).toString('hex'),
): Promise<FakeTwilio> {
  const messages: FakeTwilioMessage[] = [];
  const requests: FakeTwilioRequest[] = [];
  const queued: FakeTwilioFailure[] = [];
  const byNumber = new Map<string, FakeTwilioFailure>();
  const timers = new Set<NodeJS.Timeout>();
  let holding = false;
  const held: (() => void)[] = [];
  const heldWaiters: { count: number; resolve: () => void }[] = [];
  const messagesPath = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  const server = createServer((req, res) => {
    void readForm(req).then((form) => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, form });
      answer(req, res, form);
    });
  });

  function answer(req: IncomingMessage, res: ServerResponse, form: Record<string, string>): void {
    if (req.headers.authorization !== expectedAuth) {
      res.setHeader('www-authenticate', 'Basic realm="Twilio API"');
      return twilioError(res, 401, 20003);
    }
    if (req.method !== 'POST' || req.url !== messagesPath) return twilioError(res, 404, 20404);
    const failure = queued.shift() ?? byNumber.get(form.To ?? '');
    if (failure?.kind === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) accept(res, form);
      }, failure.delayMs);
      timers.add(timer);
      return;
    }
    if (failure) return fail(req, res, failure);
    if (!form.To) return twilioError(res, 400, 21604);
    if (!form.Body) return twilioError(res, 400, 21602);
    if (!form.From && !form.MessagingServiceSid) return twilioError(res, 400, 21603);
    accept(res, form);
  }

  function accept(res: ServerResponse, form: Record<string, string>): void {
    const message: FakeTwilioMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to: form.To ?? '',
      from: form.From ?? null,
      body: form.Body ?? '',
      messagingServiceSid: form.MessagingServiceSid ?? null,
      statusCallback: form.StatusCallback ?? null,
    };
    messages.push(message);
    if (holding) {
      held.push(() => accepted(res, message));
      for (const waiter of heldWaiters.filter((w) => held.length >= w.count)) {
        heldWaiters.splice(heldWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      return;
    }
    accepted(res, message);
  }

  function accepted(res: ServerResponse, message: FakeTwilioMessage): void {
    // The sender may be gone (killed) by the time a withheld answer is released.
    if (res.destroyed) return;
    json(res, 201, {
      sid: message.sid,
      account_sid: accountSid,
      to: message.to,
      from: message.from,
      messaging_service_sid: message.messagingServiceSid,
      body: message.body,
      // A Messaging Service picks the sender later: Twilio says `accepted` until it has.
      status: message.from ? 'queued' : 'accepted',
      direction: 'outbound-api',
      num_segments: '1',
      error_code: null,
      error_message: null,
      api_version: '2010-04-01',
      uri: `${messagesPath.replace('.json', '')}/${message.sid}.json`,
    });
  }

  function fail(req: IncomingMessage, res: ServerResponse, failure: FakeTwilioFailure): void {
    switch (failure.kind) {
      case 'rate-limited':
        if (failure.retryAfter !== undefined) res.setHeader('retry-after', failure.retryAfter);
        return twilioError(res, 429, 20429);
      case 'server-error':
        if (failure.bare) {
          res.writeHead(failure.status, { 'content-type': 'text/html' });
          res.end('<html><body><h1>Bad gateway</h1></body></html>');
          return;
        }
        return twilioError(res, failure.status, failure.status === 500 ? 20500 : 20503);
      case 'twilio-error':
        return twilioError(res, failure.status ?? 400, failure.code);
      case 'hang-up':
        req.socket.destroy();
        return;
      case 'slow':
        return;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    requests,
    failNext: (...failures) => void queued.push(...failures),
    failFor: (to, failure) => void byNumber.set(to, failure),
    clearFailures() {
      queued.length = 0;
      byNumber.clear();
    },
    holdAnswers() {
      holding = true;
    },
    releaseAnswers(options) {
      holding = options?.keepHolding ?? false;
      for (const answer of held.splice(0)) answer();
    },
    untilHeld(count) {
      if (held.length >= count) return Promise.resolve();
      return new Promise<void>((resolve) => heldWaiters.push({ count, resolve }));
    },
    async sendStatusCallback(sid, status, errorCode) {
      const message = messages.find((m) => m.sid === sid);
      if (!message?.statusCallback) throw new Error(`message ${sid} was not accepted with a StatusCallback`);
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: '2010-04-01',
        From: message.from ?? '',
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        To: message.to,
        ...(errorCode === undefined ? {} : { ErrorCode: String(errorCode) }),
      };
      if (message.messagingServiceSid) params.MessagingServiceSid = message.messagingServiceSid;
      const response = await fetch(message.statusCallback, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilioSignature(authToken, message.statusCallback, params),
        },
        body: new URLSearchParams(params).toString(),
      });
      await response.arrayBuffer();
      return response.status;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

/**
 * Twilio's webhook signature: HMAC-SHA1, keyed with the auth token, over the full URL followed by
 * each POST parameter's name and value, sorted by name; base64.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, key) => text + key + params[key], url);
  return createHmac('sha1', authToken).update(data).digest('base64');
}

function twilioError(res: ServerResponse, status: number, code: number): void {
  json(res, status, {
    code,
    message: ERROR_MESSAGES[code] ?? `Twilio error ${code}`,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}
