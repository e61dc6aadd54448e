import { Alert, Button, Center, Stack } from '@mantine/core';

/** The server could not be asked who is signed in: say so and offer to try again. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Center h="100vh" p="md">
      <Stack maw={480}>
        <Alert color="red" title="Triggerfish could not start" role="alert">
          {message}
        </Alert>
        <Button onClick={onRetry}>Try again</Button>
      </Stack>
    </Center>
  );
}
