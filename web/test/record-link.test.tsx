import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RecordLink } from '../src/shell/record-link';

const show = (kind: string) =>
  render(
    <MantineProvider>
      <MemoryRouter>
        <RecordLink kind={kind} id={7}>
          The record
        </RecordLink>
      </MemoryRouter>
    </MantineProvider>,
  );

describe('RecordLink', () => {
  it("links a kind to its page by the registry's path, not its name", () => {
    show('production_order');
    expect(screen.getByRole('link', { name: 'The record' }).getAttribute('href')).toBe(
      '/records/production-orders/7',
    );
  });

  it('leaves the name as plain text for a kind without a page', () => {
    show('no_such_kind');
    expect(screen.getByText('The record')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
