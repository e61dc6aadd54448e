import { Alert, Code, Text } from '@mantine/core';

/** A new token's secret: the API answers it once, so this is the only time anyone sees it. */
export function TokenSecretAlert({
  name,
  secret,
  onClose,
}: {
  name: string;
  secret: string;
  onClose: () => void;
}) {
  return (
    <Alert
      color="yellow"
      title={`The secret of “${name}”`}
      withCloseButton
      closeButtonLabel="I have copied the secret"
      onClose={onClose}
      aria-label="New token secret"
    >
      <Text size="sm" mb="xs">
        Copy it now: it is shown this once and cannot be read again. Send it as{' '}
        <code>Authorization: Bearer …</code>.
      </Text>
      <Code block data-testid="token-secret">
        {secret}
      </Code>
    </Alert>
  );
}
