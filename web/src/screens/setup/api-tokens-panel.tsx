import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { listTokens, revokeToken, type ApiToken } from '../../api/tokens-api';
import { useSession } from '../../session/session-context';
import { NewTokenForm } from './new-token-form';
import { TokenSecretAlert } from './token-secret-alert';
import { TokensTable } from './tokens-table';

/** API tokens of the studio (owners and admins: the API lists them to nobody else). */
export function ApiTokensPanel() {
  const { api, studio } = useSession();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    listTokens(api).then(
      (page) => setTokens(page.data),
      (failure: Error) => setError(failure.message),
    );
  }, [api, reload]);

  const revoke = async (token: ApiToken) => {
    try {
      await revokeToken(api, token.id);
      setReload((n) => n + 1);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setRevoking(null);
    }
  };

  return (
    <Stack>
      <Text c="dimmed" size="sm">
        A token lets another program use the API as you, with the role chosen (never above yours).
      </Text>
      {secret && <TokenSecretAlert {...secret} onClose={() => setSecret(null)} />}
      <NewTokenForm
        onCreated={(name, value) => {
          setSecret({ name, secret: value });
          setReload((n) => n + 1);
        }}
      />
      {error && (
        <Alert color="red" role="alert" title="Tokens could not be loaded or changed">
          {error}
        </Alert>
      )}
      {tokens && tokens.length === 0 && (
        <Text>
          This studio has no API tokens yet. Name one above and create it to connect another program.
        </Text>
      )}
      {tokens && tokens.length > 0 && (
        <TokensTable tokens={tokens} timeZone={studio.time_zone} onRevoke={setRevoking} />
      )}
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        centered
      >
        <Text mb="md">Programs using this token get 401 from now on. This cannot be undone.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRevoking(null)}>
            Keep it
          </Button>
          <Button color="red" onClick={() => revoking && void revoke(revoking)}>
            Revoke token
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
