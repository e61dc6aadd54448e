import {
  listCommunications,
  type Communication,
  type CommunicationScope,
} from '../../../api/communications-api';
import type { ReactNode } from 'react';
import { useSession } from '../../../session/session-context';
import { CommunicationsTable } from './communications-table';
import { HistorySection } from './history-section';
import { usePagedList } from './use-paged-list';

interface Props {
  scope: CommunicationScope;
  /** Another list of communications (the development inbox) names itself and its empty state. */
  title?: string;
  empty?: ReactNode;
}

/**
 * What the studio sent a client (or about one record): emails, SMS, calls and letters, newest first,
 * with their delivery. A row opens the message as it was sent.
 */
export function CommunicationHistory({ scope, title = 'Communications', empty }: Props) {
  const { api, studio } = useSession();
  const list = usePagedList<Communication, number>(JSON.stringify(scope), async (before) => {
    const page = await listCommunications(api, scope, before);
    return { items: page.data, next: page.next_before };
  });
  const zone = studio.time_zone;
  return (
    <HistorySection
      title={title}
      count={list.items?.length ?? null}
      error={list.error}
      empty={
        empty ??
        ('client_id' in scope
          ? 'No email, SMS, call or letter yet. What triggers and staff send this client will be listed here.'
          : 'Nothing has been sent about this record yet. Emails, SMS, calls and letters its triggers create will be listed here.')
      }
      hasMore={list.hasMore}
      onMore={() => void list.loadMore()}
    >
      <CommunicationsTable communications={list.items ?? []} timeZone={zone} label={title} />
    </HistorySection>
  );
}
