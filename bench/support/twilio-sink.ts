import { startFakeTwilio } from '../../test/support/fake-twilio.js';
import { serveParent } from './child-server.js';

/** Child-process entry: the tests' Twilio stand-in, announcing its address and credentials. */
const twilio = await startFakeTwilio();
serveParent(
  { baseUrl: twilio.baseUrl, accountSid: twilio.accountSid, authToken: twilio.authToken },
  () => twilio.messages.length,
);
