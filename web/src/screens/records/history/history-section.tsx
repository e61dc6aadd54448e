import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScreenLoader } from '../../../shell/screen-loader';

interface Props {
  title: string;
  /** null while loading. */
  count: number | null;
  error: string | null;
  /** What would appear here, said when there is nothing yet. */
  empty: ReactNode;
  hasMore?: boolean;
  onMore?: () => void;
  children: ReactNode;
}

/**
 * One section of a record's history: a heading that names it as a region, the list, and what the
 * section would hold when it is empty. Errors say what could not be loaded.
 */
export function HistorySection({ title, count, error, empty, hasMore, onMore, children }: Props) {
  const id = `history-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {error && (
          <Alert color="red" role="alert" title={`The ${title.toLowerCase()} could not be loaded`}>
            {error}
          </Alert>
        )}
        {count === null && !error && <ScreenLoader label={`Loading the ${title.toLowerCase()}`} />}
        {count === 0 && (
          <Text c="dimmed" size="sm" component="div">
            {empty}
          </Text>
        )}
        {count !== null && count > 0 && children}
        {hasMore && onMore && (
          <Group justify="center">
            <Button variant="default" size="xs" onClick={onMore}>
              Show more
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
