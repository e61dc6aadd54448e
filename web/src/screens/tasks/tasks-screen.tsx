import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  listDepartments,
  listMembers,
  listOpenTasks,
  type Department,
  type StudioMember,
  type TaskRow,
} from '../../api/tasks-api';
import { useSession } from '../../session/session-context';
import { TaskActionModal } from './task-action-modal';
import { TasksTable } from './tasks-table';
import { ScreenLoader } from '../../shell/screen-loader';

interface Lists {
  tasks: readonly TaskRow[];
  members: readonly StudioMember[];
  departments: readonly Department[];
}

/** Open tasks, soonest due first: complete one, or hand it to someone else. */
export function TasksScreen() {
  const { api } = useSession();
  const [lists, setLists] = useState<Lists | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState<{ task: TaskRow; action: 'complete' | 'reassign' } | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all([listOpenTasks(api), listMembers(api), listDepartments(api)]).then(
      ([tasks, members, departments]) =>
        current && setLists({ tasks: tasks.data, members: members.data, departments: departments.data }),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, reload]);

  const nameOf = (rows: readonly { id: number; name: string }[], none: string) => (id: number | null) =>
    id === null ? none : (rows.find((r) => r.id === id)?.name ?? `#${id}`);
  return (
    <Stack>
      <Title order={1}>Tasks</Title>
      {error && (
        <Alert color="red" role="alert" title="The tasks could not be loaded">
          {error}
        </Alert>
      )}
      {!lists && !error && <ScreenLoader label="Loading tasks" />}
      {lists && lists.tasks.length === 0 && (
        <Paper withBorder p="xl" ta="center">
          <Text c="dimmed" maw={560} mx="auto">
            No open tasks. A task is made when a trigger with a task action is processed; process pending
            items on Process Triggers.
          </Text>
        </Paper>
      )}
      {lists && lists.tasks.length > 0 && (
        <TasksTable
          tasks={lists.tasks}
          nameOfUser={nameOf(lists.members, 'nobody')}
          nameOfDepartment={nameOf(lists.departments, '—')}
          onComplete={(task) => setWorking({ task, action: 'complete' })}
          onReassign={(task) => setWorking({ task, action: 'reassign' })}
        />
      )}
      {lists && (
        <TaskActionModal
          key={working ? `${working.action}:${working.task.id}` : 'none'}
          task={working?.task ?? null}
          action={working?.action ?? 'complete'}
          members={lists.members}
          departments={lists.departments}
          onClose={() => setWorking(null)}
          onDone={() => {
            setWorking(null);
            setReload((n) => n + 1);
          }}
        />
      )}
    </Stack>
  );
}
