import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  completeTask,
  reassignTask,
  type Department,
  type StudioMember,
  type TaskRow,
} from '../../api/tasks-api';
import { useFormRequest } from '../../api/use-form-request';
import { useSession } from '../../session/session-context';

interface Props {
  task: TaskRow | null;
  action: 'complete' | 'reassign';
  members: readonly StudioMember[];
  departments: readonly Department[];
  onClose: () => void;
  onDone: () => void;
}

const idOrNull = (value: string | null) => (value ? Number(value) : null);

/** Completes a task, or hands it to someone else and/or a department, with an optional note. */
export function TaskActionModal({ task, action, members, departments, onClose, onDone }: Props) {
  const { api } = useSession();
  const [user, setUser] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const { fields: problems, message: error, busy, submit: request } = useFormRequest();

  const submit = async () => {
    if (!task) return;
    const done = await request(() =>
      action === 'complete'
        ? completeTask(api, task.id, note)
        : reassignTask(api, task.id, {
            assigned_user_id: idOrNull(user),
            department_id: idOrNull(department),
            note,
          }),
    );
    if (done) onDone();
  };

  const verb = action === 'complete' ? 'Complete' : 'Reassign';
  return (
    <Modal opened={task !== null} onClose={onClose} title={`${verb} “${task?.subject ?? ''}”`} centered>
      <Stack>
        {error && (
          <Alert
            color="red"
            role="alert"
            title={`The task was not ${action === 'complete' ? 'completed' : 'reassigned'}`}
          >
            {error}
          </Alert>
        )}
        {action === 'reassign' && (
          <>
            <Select
              label="Assign to"
              placeholder="Nobody"
              clearable
              data={members.map((m) => ({ value: String(m.id), label: m.name }))}
              value={user}
              onChange={setUser}
              error={problems.assigned_user_id}
            />
            <Select
              label="Department"
              placeholder="None"
              clearable
              data={departments.map((d) => ({ value: String(d.id), label: d.name }))}
              value={department}
              onChange={setDepartment}
              error={problems.department_id}
            />
          </>
        )}
        <Textarea
          label="Note"
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={problems.note}
          rows={3}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={busy} onClick={() => void submit()}>
            {verb} task
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
