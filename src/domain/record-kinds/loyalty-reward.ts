import type { RecordKind } from './record-kind.js';

export const loyaltyReward: RecordKind = {
  name: 'loyalty_reward',
  label: 'Loyalty reward',
  plural: 'Loyalty rewards',
  path: 'loyalty-rewards',
  table: 'loyalty_rewards',
  category: 'record',
  defaultSort: 'issued_date',
  clientField: 'client_id',
  fields: [
    { name: 'client_id', type: 'ref', ref: 'client', label: 'Client', required: true },
    {
      name: 'code',
      type: 'text',
      label: 'Code',
      required: true,
      unique: true,
      maxLength: 50,
      search: true,
    },
    { name: 'amount_cents', type: 'money', label: 'Amount', required: true, min: 0 },
    { name: 'redeemed_cents', type: 'money', label: 'Redeemed', default: 0, min: 0 },
    { name: 'issued_date', type: 'date', label: 'Issued', required: true, anchor: true },
    { name: 'expiration_date', type: 'date', label: 'Expires', anchor: true },
    { name: 'referral_program_id', type: 'ref', ref: 'referral_program', label: 'Referral program' },
    // The referral a program reward pays for; set by the program, never by a caller.
    { name: 'referred_client_id', type: 'ref', ref: 'client', label: 'For referring', readOnly: true },
    { name: 'notes', type: 'long_text', label: 'Notes', maxLength: 2000 },
  ],
};
