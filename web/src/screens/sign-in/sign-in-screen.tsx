import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApiClient } from '../../api/api-client';
import type { Caller } from '../../api/auth-api';
import { SignInForm } from './sign-in-form';

/** The page everybody who is not signed in sees. */
export function SignInScreen({
  api,
  onSignedIn,
}: {
  api: ApiClient;
  onSignedIn: (caller: Caller) => unknown;
}) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <div>
            <Title order={1} size="h2">
              Triggerfish
            </Title>
            <Text c="dimmed" size="sm">
              Sign in to your studio
            </Text>
          </div>
          <SignInForm api={api} onSignedIn={onSignedIn} />
        </Stack>
      </Paper>
    </Center>
  );
}
