import { Button, Group, Table } from '@mantine/core';
import type { TaskRow } from '../../api/tasks-api';
import { RecordLink } from '../../shell/record-link';

interface Props {
  tasks: readonly TaskRow[];
  nameOfUser: (id: number | null) => string;
  nameOfDepartment: (id: number | null) => string;
  onComplete: (task: TaskRow) => void;
  onReassign: (task: TaskRow) => void;
}

/** Open tasks by due date (a studio-local date), with who has them; a task is a record with a page. */
export function TasksTable({ tasks, nameOfUser, nameOfDepartment, onComplete, onReassign }: Props) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Open tasks" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Task</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Assigned to</Table.Th>
            <Table.Th>Department</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td>
                <RecordLink kind="task" id={task.id}>
                  {task.subject}
                </RecordLink>
              </Table.Td>
              <Table.Td>{task.due_date ?? 'no date'}</Table.Td>
              <Table.Td>{nameOfUser(task.assigned_user_id)}</Table.Td>
              <Table.Td>{nameOfDepartment(task.department_id)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" onClick={() => onComplete(task)} aria-label={`Complete ${task.subject}`}>
                    Complete
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onReassign(task)}
                    aria-label={`Reassign ${task.subject}`}
                  >
                    Reassign
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
