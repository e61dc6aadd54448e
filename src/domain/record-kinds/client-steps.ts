import { recordKind } from './index.js';
import type { RecordKind } from './record-kind.js';

/** One hop towards a client: the record of `kind` refers onwards through `field`. */
export interface ClientStep {
  readonly kind: RecordKind;
  readonly field: string;
}

/**
 * The hops from a kind to its client, following `clientField`: [] for a client itself, one hop for
 * a session (`client_id`), two for a production order (its invoice, then the bill-to client); null
 * when the kind does not lead to a client. Merge data and the trigger history of a client both
 * walk it, so they agree on which records are "the client's".
 */
export function clientSteps(kind: RecordKind): ClientStep[] | null {
  if (kind.clientField === undefined) return null;
  if (kind.clientField === 'id') return [];
  const field = kind.fields.find((f) => f.name === kind.clientField);
  if (!field?.ref || field.ref === 'user') return null;
  const step = { kind, field: field.name };
  if (field.ref === 'client') return [step];
  const rest = clientSteps(recordKind(field.ref));
  return rest === null ? null : [step, ...rest];
}
