import { smsSegments } from '../domain/sms-segments.js';
import type { PlannedMessage } from './action-plan.js';
import type { PlanInput } from './plan-action.js';

/**
 * The message that carries a web form's link (SPEC §3.4 "its link sent by email, else SMS"). The
 * Web Form action names a form template, not a message template, so the wording is Triggerfish's
 * own: short, with the studio's name and the client's first name. It is transactional: the client
 * is asked for something the studio needs, not sold to.
 */
export function linkMessage(input: PlanInput, channel: 'email' | 'sms', to: string): PlannedMessage {
  const client = (input.data.client ?? {}) as Record<string, unknown>;
  const first = typeof client.first_name === 'string' ? client.first_name : '';
  const studio = input.studio.name;
  const url = input.webFormUrl ?? '';
  const greeting = first ? `Hello ${first},` : 'Hello,';
  const text = `${greeting} ${studio} asks you to fill in a form: ${url}`;
  if (channel === 'sms') {
    const counted = smsSegments(text);
    return {
      channel,
      purpose: 'web_form_link',
      to,
      from: input.studio.sms_from_number,
      subject: null,
      html: null,
      text,
      isMarketing: false,
      encoding: counted.encoding,
      segments: counted.segments,
    };
  }
  const escaped = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return {
    channel,
    purpose: 'web_form_link',
    to,
    from: input.studio.sender_email,
    subject: `${studio}: a form for you to fill in`,
    html: `<p>${escaped(greeting)}</p><p>${escaped(studio)} asks you to fill in a form:</p><p><a href="${escaped(url)}">${escaped(url)}</a></p>`,
    text,
    isMarketing: false,
    encoding: null,
    segments: null,
  };
}
