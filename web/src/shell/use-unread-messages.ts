import { useEffect, useState } from 'react';
import { listMessageThreads } from '../api/messages-api';
import { onMessagesChanged } from '../session/messages-changed';
import { useSession } from '../session/session-context';

/**
 * How many inbound SMS are unread, for the navigation entry. Read again on every change of screen
 * and whenever the Messages screen changes the inbox; a failure shows no count rather than a wrong one.
 */
export function useUnreadMessages(pathname: string): number | null {
  const { api } = useSession();
  const [unread, setUnread] = useState<number | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => onMessagesChanged(() => setChanges((n) => n + 1)), []);
  useEffect(() => {
    let current = true;
    listMessageThreads(api).then(
      ({ data }) => current && setUnread(data.reduce((sum, t) => sum + t.unread, 0)),
      () => current && setUnread(null),
    );
    return () => {
      current = false;
    };
  }, [api, pathname, changes]);
  return unread;
}
