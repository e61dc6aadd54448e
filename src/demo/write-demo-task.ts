import type { DemoContext } from './demo-context.js';

export interface DemoTask {
  type: 'Follow-up Call' | 'Session Prep' | 'Retouching' | 'Album Design' | 'Thank-you Card';
  subject: string;
  assignee: number;
  department: string;
  /** When the task was created; also its start date. */
  createdAt: Date;
  dueInDays: number;
  priority?: number;
  startedAt?: Date | null;
  doneAt?: Date | null;
  links?: { client_id?: number; session_id?: number; invoice_id?: number; production_order_id?: number };
}

/**
 * A task with its status history: To Do when created, In Progress and Done when those moments have
 * passed (Done also sets the completed date). Each task type has its own statuses.
 */
export async function writeDemoTask(ctx: DemoContext, task: DemoTask): Promise<number> {
  const { writer, time, catalogs } = ctx;
  const status = (name: string) => catalogs.status('task', name, task.type);
  const id = await writer.create(
    'task',
    {
      task_type_id: catalogs.type('task', task.type),
      subject: task.subject,
      status_id: status('To Do'),
      assigned_user_id: task.assignee,
      department_id: catalogs.department(task.department),
      start_date: time.date(task.createdAt),
      due_date: time.date(time.plus(task.createdAt, { days: task.dueInDays })),
      priority: task.priority ?? 3,
      ...task.links,
    },
    task.createdAt,
  );
  if (task.startedAt && time.isPast(task.startedAt)) {
    await writer.status('task', id, status('In Progress'), task.startedAt);
  }
  if (task.doneAt && time.isPast(task.doneAt)) {
    await writer.update(
      'task',
      id,
      { status_id: status('Done'), completed_date: time.date(task.doneAt) },
      task.doneAt,
    );
  }
  return id;
}
