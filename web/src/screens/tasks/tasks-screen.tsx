import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  listDepartments,
  listMembers,
  type Department,
  type StudioMember,
  type TaskRow,
} from '../../api/tasks-api';
import { useSession } from '../../session/session-context';
import { TaskActionModal } from './task-action-modal';
import { TasksTable } from './tasks-table';
import { ScreenLoader } from '../../shell/screen-loader';
import { useOpenTasks } from './use-open-tasks';

interface People {
  members: readonly StudioMember[];
  departments: readonly Department[];
}

/** Open tasks, soonest due first, 50 at a time: complete one, or hand it to someone else. */
export function TasksScreen() {
  const { api } = useSession();
  const [people, setPeople] = useState<People | null>(null);
  const [peopleError, setPeopleError] = useState<string | null>(null);
  const [working, setWorking] = useState<{ task: TaskRow; action: 'complete' | 'reassign' } | null>(null);
  const [reload, setReload] = useState(0);
  const open = useOpenTasks(reload);

  useEffect(() => {
    let current = true;
    Promise.all([listMembers(api), listDepartments(api)]).then(
      ([members, departments]) =>
        current && setPeople({ members: members.data, departments: departments.data }),
      (failure: Error) => current && setPeopleError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const error = open.error ?? peopleError;
  const tasks = people && open.tasks;

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
      {!tasks && !error && <ScreenLoader label="Loading tasks" />}
      {tasks && tasks.length === 0 && (
        <Paper withBorder p="xl" ta="center">
          <Text c="dimmed" maw={560} mx="auto">
            No open tasks. A task is made when a trigger with a task action is processed; process pending
            items on Process Triggers.
          </Text>
        </Paper>
      )}
      {people && tasks && tasks.length > 0 && (
        <TasksTable
          tasks={tasks}
          nameOfUser={nameOf(people.members, 'nobody')}
          nameOfDepartment={nameOf(people.departments, '—')}
          onComplete={(task) => setWorking({ task, action: 'complete' })}
          onReassign={(task) => setWorking({ task, action: 'reassign' })}
        />
      )}
      {open.more && (
        <Group justify="center">
          <Button variant="default" loading={open.loadingMore} onClick={open.loadMore}>
            Load more tasks
          </Button>
        </Group>
      )}
      {people && (
        <TaskActionModal
          key={working ? `${working.action}:${working.task.id}` : 'none'}
          task={working?.task ?? null}
          action={working?.action ?? 'complete'}
          members={people.members}
          departments={people.departments}
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
