import type { RecordKind } from './record-kind.js';

export const referralProgram: RecordKind = {
  name: 'referral_program',
  label: 'Referral program',
  plural: 'Referral programs',
  path: 'referral-programs',
  table: 'referral_programs',
  category: 'catalog',
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', label: 'Name', required: true, maxLength: 100, search: true },
    { name: 'is_active', type: 'bool', label: 'Active', default: true },
    { name: 'referred_within_days', type: 'int', label: 'Referred client created within (days)', min: 1 },
    {
      name: 'requires_session_booked',
      type: 'bool',
      label: 'Referred client must book a session',
      default: false,
    },
    { name: 'referrer_reward_cents', type: 'money', label: 'Reward to the referrer', default: 0, min: 0 },
    {
      name: 'referred_reward_cents',
      type: 'money',
      label: 'Reward to the referred client',
      default: 0,
      min: 0,
    },
    { name: 'reward_valid_days', type: 'int', label: 'Rewards expire after (days)', min: 1 },
  ],
};
