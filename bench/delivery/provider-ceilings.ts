import { smtpMailOptions } from '../../src/delivery/channels/smtp-mail-options.js';
import { smtpTransports } from '../../src/delivery/channels/smtp-transports.js';
import { twilioMessageForm } from '../../src/delivery/channels/twilio-message-form.js';
import type { TwilioSettings } from '../../src/delivery/channels/twilio-settings.js';
import { outboundMessage } from '../../src/delivery/outbound-message.js';
import { parseSmtpUrl } from '../../src/domain/smtp-url.js';
import { SENDER_EMAIL, SMS_FROM, benchContent } from './outbox-fill.js';

/**
 * The rate of the bare client libraries against the same servers, without the outbox: the most the
 * dispatcher could reach with the same pool and the same number of sends in flight. Each message is
 * the one the dispatcher would send for row n (same headers, body and Message-ID form).
 */
export async function nodemailerCeiling(
  smtpUrl: string,
  poolSize: number,
  count: number,
  concurrency: number,
): Promise<number> {
  const parsed = parseSmtpUrl(smtpUrl);
  if (!parsed.ok) throw new Error(`SMTP URL ${parsed.problem}`);
  // The transport our channel uses: nodemailer's pool with the same settings.
  const transports = smtpTransports({ poolSize, timeoutMs: 30_000 });
  const transport = transports.get(smtpUrl, parsed.server);
  try {
    return await timedInParallel(count, concurrency, async (n) => {
      await transport.sendMail(smtpMailOptions(sampleMessage('email', n), SENDER_EMAIL));
    });
  } finally {
    transports.close();
  }
}

export async function fetchCeiling(
  settings: Pick<TwilioSettings, 'baseUrl' | 'accountSid' | 'authToken'>,
  count: number,
  concurrency: number,
): Promise<number> {
  const url = `${settings.baseUrl}/2010-04-01/Accounts/${settings.accountSid}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  return timedInParallel(count, concurrency, async (n) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: twilioMessageForm(sampleMessage('sms', n), {
        messagingServiceSid: null,
        fromNumber: null,
        statusCallbackUrl: null,
      })?.toString(),
    });
    await response.text();
    if (response.status !== 201) throw new Error(`the Twilio stand-in answered ${response.status}`);
  });
}

function sampleMessage(channel: 'email' | 'sms', n: number) {
  const content = benchContent(channel, n);
  return outboundMessage(
    { id: n + 1, studio_id: 1 },
    {
      id: n + 1,
      channel,
      to_address: content.to,
      from_address: channel === 'email' ? SENDER_EMAIL : SMS_FROM,
      ...content,
    },
    { name: 'Lakeshore Portrait Studio', sender_name: 'Lakeshore Portraits' },
  );
}

/** Runs `send(0 … count−1)` with at most `concurrency` in flight; answers the elapsed milliseconds. */
async function timedInParallel(
  count: number,
  concurrency: number,
  send: (n: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) await send(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return performance.now() - started;
}
