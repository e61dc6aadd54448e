import { CommunicationHistory } from '../records/history/communication-history';

/**
 * What a sandbox studio would have sent: the messages the capture channel kept instead of handing
 * them to SMTP or Twilio, newest first; each opens as its recipient would have got it.
 */
export function DevelopmentInbox() {
  return (
    <CommunicationHistory
      scope={{ provider: 'capture' }}
      title="Development inbox"
      empty="Nothing has been captured yet. This sandbox studio sends no real email or SMS: each one it would send lands here. Process items on Process Triggers, or advance the test clock on the Control Center to let automatic triggers run."
    />
  );
}
