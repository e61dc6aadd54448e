const MESSAGES_CHANGED = 'triggerfish:messages-changed';

/** Tells the navigation's unread count that a message was read, marked unread or answered. */
export function announceMessagesChanged(): void {
  window.dispatchEvent(new Event(MESSAGES_CHANGED));
}

/** Calls `listener` whenever the inbox changed; returns the unsubscribe. */
export function onMessagesChanged(listener: () => void): () => void {
  window.addEventListener(MESSAGES_CHANGED, listener);
  return () => window.removeEventListener(MESSAGES_CHANGED, listener);
}
