import type { MessageThread } from '../../api/messages-api';
import { RecordLink } from '../../shell/record-link';
import { threadName } from './threads-table';

interface Props {
  thread: Pick<MessageThread, 'client_id' | 'number'>;
  names: ReadonlyMap<number, string>;
}

/** Who texted: the client's name linked to the client's page, or the bare number of a stranger. */
export function ThreadSender({ thread, names }: Props) {
  const who = threadName(thread, names);
  return thread.client_id === null ? (
    <>{who}</>
  ) : (
    <RecordLink kind="client" id={thread.client_id}>
      {who}
    </RecordLink>
  );
}
