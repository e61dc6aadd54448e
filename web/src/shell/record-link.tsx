import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RECORD_KINDS } from '../../../src/domain/record-kinds/index';

interface Props {
  /** The registry's kind name as the API gives it ("session", "production_order"). */
  kind: string;
  id: number;
  children: ReactNode;
  /** When the visible text alone would not say which record it is (it must start with that text). */
  'aria-label'?: string;
}

/** "/records/sessions/12": a record's page, or null for a kind the registry does not know. */
export function recordHref(kind: string, id: number): string | null {
  const known = RECORD_KINDS.find((k) => k.name === kind);
  return known ? `/records/${known.path}/${id}` : null;
}

/**
 * A record named on any screen, linked to its page. A kind the registry does not know (an old or
 * foreign name) has no page, so its name stays plain text rather than a link that leads nowhere.
 */
export function RecordLink({ kind, id, children, 'aria-label': label }: Props) {
  const href = recordHref(kind, id);
  if (!href) return <>{children}</>;
  return (
    <Anchor component={Link} to={href} aria-label={label} inherit>
      {children}
    </Anchor>
  );
}
