import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { serveParent } from './child-server.js';

/**
 * Child-process entry: the smallest SMTP server a benchmark can send to. It accepts any AUTH,
 * reads and discards each message's data (nothing parsed, nothing kept) and counts the messages it
 * answered 250, so the dispatcher's rate is measured against a server that costs next to nothing.
 */
let accepted = 0;
const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  authMethods: ['PLAIN', 'LOGIN'],
  logger: false,
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username });
  },
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      accepted += 1;
      callback(null, `Message queued as ${randomBytes(5).toString('hex').toUpperCase()}`);
    });
  },
});
server.on('error', (error) => console.error('smtp sink:', error.message));
server.listen(0, '127.0.0.1', () => {
  serveParent({ port: (server.server.address() as AddressInfo).port }, () => accepted);
});
