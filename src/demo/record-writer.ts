import type { Transaction } from 'kysely';
import { validationError } from '../domain/errors.js';
import { recordKind, type RecordKindName } from '../domain/record-kinds/index.js';
import { validateRecordInput } from '../domain/validate-record-input.js';
import { applyStatusChange } from '../store/change-record-status.js';
import { applyRecordUpdate, checkNewRecord, insertRecord } from '../store/records.js';
import type { Database } from '../store/schema.js';
import type { Actor, StudioContext } from '../store/studio-context.js';

export type Input = Record<string, unknown>;

/**
 * Writes records of one studio inside one transaction, each at the instant it "happened", through
 * the same store operations as the API, so that validation, status history, `<anchor>_set_at` and
 * the consent ledger come out exactly as if staff had done the work day by day.
 */
export class RecordWriter {
  /** How many records of each kind were created. */
  readonly counts: Partial<Record<RecordKindName, number>> = {};

  constructor(
    private readonly trx: Transaction<Database>,
    readonly studio: StudioContext,
    private readonly actor: Actor,
    /** Nothing may happen after this instant: status history never lies in the future. */
    private readonly now: Date,
  ) {}

  async create(kindName: RecordKindName, input: Input, at: Date): Promise<number> {
    const kind = recordKind(kindName);
    const when = this.#checked(at, kindName);
    const { record, problems } = checkNewRecord(this.studio, kind, input, when);
    if (problems.length > 0) throw validationError(problems, `A generated ${kind.label} is not valid`);
    const id = await insertRecord(this.trx, this.studio, kind, record, this.actor, when);
    this.counts[kindName] = (this.counts[kindName] ?? 0) + 1;
    return id;
  }

  async update(kindName: RecordKindName, id: number, input: Input, at: Date): Promise<void> {
    const kind = recordKind(kindName);
    const checked = validateRecordInput(kind, input, { mode: 'update', country: this.studio.country });
    await applyRecordUpdate(
      this.trx,
      this.studio,
      kind,
      id,
      checked,
      this.actor,
      this.#checked(at, kindName),
    );
  }

  async status(kindName: RecordKindName, id: number, statusId: number, at: Date): Promise<void> {
    const kind = recordKind(kindName);
    await applyStatusChange(
      this.trx,
      this.studio,
      kind,
      id,
      { statusId },
      this.actor,
      this.#checked(at, kindName),
    );
  }

  #checked(at: Date, kindName: string): Date {
    if (at.getTime() > this.now.getTime()) {
      throw new Error(`A ${kindName} dated ${at.toISOString()} would lie after now; that is a bug`);
    }
    return at;
  }
}
