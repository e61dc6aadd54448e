import type { ActionPlan, PlannedOutput } from './action-plan.js';

/**
 * The item's reason after processing, in words a person reads in the queue's history: what was
 * created and for whom, which fallback channels were passed over and why, or why nothing was.
 */
export function describeResult(plan: ActionPlan): string {
  if (plan.nothing !== null) return plan.nothing;
  if (plan.outputs.length === 0) return 'processed: status changed';
  const made = plan.outputs.map(describeOutput).join('; ');
  const passed = plan.passedOver.map((p) => `${p.channel} passed over: ${p.reason}`).join('; ');
  return `processed: ${made}${passed ? ` (${passed})` : ''}`;
}

function describeOutput(output: PlannedOutput): string {
  switch (output.channel) {
    case 'email':
    case 'sms':
      return `${output.channel === 'email' ? 'email' : 'SMS'} to ${output.to}`;
    case 'phone_call':
      return output.to
        ? `phone call to ${output.to} on the call list`
        : 'phone call on the call list (no number on file)';
    case 'letter':
      return 'letter added to the print batch';
    case 'task':
      return `task "${String(output.values.subject)}"`;
    case 'web_form':
      return output.link
        ? `web form, link by ${output.link.channel === 'email' ? 'email' : 'SMS'} to ${output.link.to}`
        : 'web form (no usable email or SMS number for its link)';
  }
}
