import { appointment } from './appointment.js';
import { client } from './client.js';
import { department } from './department.js';
import { familyMember } from './family-member.js';
import { invoice } from './invoice.js';
import { loyaltyReward } from './loyalty-reward.js';
import { preproductionOrder } from './preproduction-order.js';
import { productionOrder } from './production-order.js';
import type { RecordKind, RecordKindName } from './record-kind.js';
import { referralProgram } from './referral-program.js';
import { relationship } from './relationship.js';
import { session } from './session.js';
import { status } from './status.js';
import { task } from './task.js';
import { type } from './type.js';
import { webForm } from './web-form.js';
import { webFormTemplate } from './web-form-template.js';

export * from './record-kind.js';

/** Every kind, in the order a studio sets them up (catalogs before the records that use them). */
export const RECORD_KINDS: readonly RecordKind[] = [
  department,
  relationship,
  type,
  status,
  referralProgram,
  webFormTemplate,
  client,
  familyMember,
  session,
  appointment,
  invoice,
  productionOrder,
  preproductionOrder,
  task,
  webForm,
  loyaltyReward,
];

const BY_NAME = new Map(RECORD_KINDS.map((kind) => [kind.name, kind]));

export function recordKind(name: RecordKindName): RecordKind {
  const kind = BY_NAME.get(name);
  if (!kind) throw new Error(`Unknown record kind ${name}`);
  return kind;
}
