import type { ProblemDetail } from '../domain/errors.js';
import { recordKind, type RecordKindName, type TypeKind } from '../domain/record-kinds/index.js';
import type { TriggerDefinition } from '../domain/triggers/trigger-definition.js';
import { TRIGGER_TYPES } from '../domain/triggers/trigger-types.js';
import type { Db } from './database.js';
import { loose, type LooseDb, type LooseRow } from './record-table.js';

const TEMPLATE_SLOTS = [
  ['email_template_id', 'email'],
  ['sms_template_id', 'sms'],
  ['letter_template_id', 'letter'],
] as const;

/**
 * Checks every id a (field-valid) trigger names against the studio's rows: statuses of the type's
 * record kind (and of the chosen type, where statuses are scoped), types of the right catalog,
 * templates of the right channel and record basis, call and task types, form templates,
 * relationships, referral programs, users and departments. Another studio's id reads exactly like
 * a missing one.
 */
export async function triggerReferenceProblems(
  db: Db,
  studioId: number,
  def: TriggerDefinition,
): Promise<ProblemDetail[]> {
  const ldb = loose(db);
  const type = TRIGGER_TYPES[def.trigger_type];
  const kind = recordKind(type.recordKind);
  const problems: ProblemDetail[] = [];
  const add = (path: string, problem: string | null) => {
    if (problem) problems.push({ path, problem });
  };
  const find = (kindName: RecordKindName, id: number) => rowOf(ldb, recordKind(kindName).table, studioId, id);

  let filterTypeOk = true;
  if (def.filter_type_id !== null) {
    const problem = typeProblem(
      await find('type', def.filter_type_id),
      def.filter_type_id,
      type.filter.typeKind,
    );
    filterTypeOk = problem === null;
    add('filter_type_id', problem);
  }
  for (const path of ['filter_status_id', 'then_status_id'] as const) {
    const statusId = def[path];
    if (statusId === null) continue;
    const row = await find('status', statusId);
    const catalog = kind.status?.catalog;
    if (!row) add(path, `refers to status ${statusId}, which does not exist`);
    else if (row.kind !== catalog) {
      add(
        path,
        `refers to status "${String(row.name)}", a ${String(row.kind)} status; this trigger is about ${kind.plural.toLowerCase()}`,
      );
    } else if (
      filterTypeOk &&
      def.filter_type_id !== null &&
      row.scope_type_id != null &&
      Number(row.scope_type_id) !== def.filter_type_id
    ) {
      add(
        path,
        `refers to status "${String(row.name)}", which is for another ${kind.label.toLowerCase()} type than the trigger's`,
      );
    }
  }

  const settings = def.action_settings;
  for (const [path, channel] of TEMPLATE_SLOTS) {
    const templateId = settings[path];
    if (templateId == null) continue;
    const row = await rowOf(ldb, 'templates', studioId, templateId);
    const at = `action_settings.${path}`;
    if (!row) add(at, `refers to template ${templateId}, which does not exist`);
    else if (row.channel !== channel)
      add(at, `is ${article(String(row.channel))} template, not ${article(channel)} template`);
    else if (row.basis !== type.recordKind) {
      add(
        at,
        `is a template based on ${basisPlural(String(row.basis))}; this trigger is about ${kind.plural.toLowerCase()}`,
      );
    }
  }
  if (settings.call_type_id != null) {
    add(
      'action_settings.call_type_id',
      typeProblem(await find('type', settings.call_type_id), settings.call_type_id, 'phone_call'),
    );
  }
  if (settings.task_type_id != null) {
    add(
      'action_settings.task_type_id',
      typeProblem(await find('type', settings.task_type_id), settings.task_type_id, 'task'),
    );
  }
  const refs: [string, RecordKindName, number | null | undefined][] = [
    ['action_settings.web_form_template_id', 'web_form_template', settings.web_form_template_id],
    ['action_settings.department_id', 'department', settings.department_id],
    [
      'action_settings.send_to.relationship_id',
      'relationship',
      settings.send_to?.to === 'family_member' ? settings.send_to.relationship_id : null,
    ],
    ['action_settings.referral.program_id', 'referral_program', settings.referral?.program_id],
  ];
  for (const [path, kindName, refId] of refs) {
    if (refId == null) continue;
    if (!(await find(kindName, refId))) {
      add(path, `refers to ${recordKind(kindName).label.toLowerCase()} ${refId}, which does not exist`);
    }
  }
  if (settings.assigned_user_id != null) {
    const member = await ldb
      .selectFrom('memberships')
      .select('id')
      .where('studio_id', '=', studioId)
      .where('user_id', '=', settings.assigned_user_id)
      .executeTakeFirst();
    if (!member)
      add(
        'action_settings.assigned_user_id',
        `is not a staff member of this studio (user ${settings.assigned_user_id})`,
      );
  }
  return problems;
}

async function rowOf(
  db: LooseDb,
  table: string,
  studioId: number,
  id: number,
): Promise<LooseRow | undefined> {
  // A malformed id is already reported by the field check; PostgreSQL would refuse it as bigint.
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  return (await db
    .selectFrom(table)
    .selectAll()
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .executeTakeFirst()) as LooseRow | undefined;
}

function typeProblem(row: LooseRow | undefined, id: number, wanted: TypeKind | undefined): string | null {
  if (!row) return `refers to type ${id}, which does not exist`;
  if (wanted && row.kind !== wanted) {
    return `refers to type "${String(row.name)}", a ${String(row.kind)} type, not a ${wanted} type`;
  }
  return null;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

function basisPlural(basis: string): string {
  try {
    return recordKind(basis as RecordKindName).plural.toLowerCase();
  } catch {
    return basis;
  }
}
