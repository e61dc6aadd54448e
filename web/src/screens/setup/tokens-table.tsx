import { Badge, Table } from '@mantine/core';
import type { ApiToken } from '../../api/tokens-api';
import { formatInstant } from '../../format/format-instant';
import { ActionsHeader, RowActionButton } from './row-actions';

/** The studio's tokens, newest first; a revoked one stays listed, marked, for the record. */
export function TokensTable({
  tokens,
  timeZone,
  onRevoke,
}: {
  tokens: ApiToken[];
  timeZone: string;
  onRevoke: (token: ApiToken) => void;
}) {
  const when = (iso: string | null) => (iso ? formatInstant(iso, timeZone) : '—');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="API tokens" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Starts with</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Created ({timeZone})</Table.Th>
            <Table.Th>Last used ({timeZone})</Table.Th>
            <ActionsHeader />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <code>{token.prefix}…</code>
              </Table.Td>
              <Table.Td>{token.role}</Table.Td>
              <Table.Td>{when(token.created_at)}</Table.Td>
              <Table.Td>{when(token.last_used_at)}</Table.Td>
              <Table.Td>
                {token.revoked_at ? (
                  <Badge color="gray">Revoked {when(token.revoked_at)}</Badge>
                ) : (
                  <RowActionButton
                    label="Revoke"
                    name={token.name}
                    color="red"
                    onClick={() => onRevoke(token)}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
