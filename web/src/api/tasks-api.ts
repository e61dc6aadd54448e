import type { ApiClient } from './api-client';

/** A task record, as far as the task list shows it. */
export interface TaskRow {
  readonly id: number;
  readonly subject: string;
  readonly due_date: string | null;
  readonly completed_date: string | null;
  readonly assigned_user_id: number | null;
  readonly department_id: number | null;
  readonly priority: number | null;
}

export interface StudioMember {
  readonly id: number;
  readonly name: string;
}

export interface Department {
  readonly id: number;
  readonly name: string;
}

export interface TaskPage {
  readonly data: TaskRow[];
  readonly next_cursor: string | null;
}

/** A page of open tasks (no completed date), soonest due first; `cursor` continues a list. */
export const listOpenTasks = (api: ApiClient, cursor?: string | null) =>
  api.get<TaskPage>('/tasks', { completed_date: 'null', sort: 'due_date', limit: 50, cursor });

export const listMembers = (api: ApiClient) => api.get<{ data: StudioMember[] }>('/users');

export const listDepartments = (api: ApiClient) => api.get<{ data: Department[] }>('/departments');

export const completeTask = (api: ApiClient, id: number, note: string) =>
  api.post<TaskRow>(`/tasks/${id}/complete`, note.trim() ? { note } : {});

export const reassignTask = (
  api: ApiClient,
  id: number,
  to: { assigned_user_id: number | null; department_id: number | null; note: string },
) =>
  api.post<TaskRow>(`/tasks/${id}/reassign`, {
    assigned_user_id: to.assigned_user_id,
    department_id: to.department_id,
    ...(to.note.trim() ? { note: to.note } : {}),
  });
