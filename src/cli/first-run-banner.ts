import type { FirstRun } from './first-run.js';

/** A URL a person can click: wildcard hosts become localhost, IPv6 literals get brackets. */
export function clickableAddress(host: string, port: number): string {
  const wildcard = host === '' || host === '0.0.0.0' || host === '::';
  const shown = wildcard ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** Names the database for people without printing a password that may be in its URL. */
export function describeDatabase(url: string): string {
  if (!/^postgres(ql)?:\/\//.test(url)) return `SQLite, ${url.replace(/^file:/, '')}`;
  try {
    const parsed = new URL(url);
    return `PostgreSQL, ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * What `serve` prints once it listens: where it is, and on a first run what was created and how to
 * sign in, or, with the demo off, what to do next. The demo owner's password is printed here and
 * nowhere else.
 */
export function firstRunBanner(run: FirstRun, address: string, database: string): string {
  const lines = [
    `Triggerfish is listening at ${address}  (database: ${database})`,
    `API documentation: ${address}/api/docs`,
  ];
  if (run.kind === 'demo') {
    const { studio, owner } = run.demo;
    lines.push(
      '',
      `First run: created the demo studio "${studio.name}" (studio ${studio.id}, ${studio.time_zone}).`,
      'It is a sandbox: nothing it does is ever sent to a real email or SMS provider.',
      '',
      `  Email       ${owner.email}`,
      `  Password    ${owner.password}`,
      `  Sign in     POST ${address}/api/v1/auth/login (see the API documentation)`,
      '',
      'The password is shown only now: copy it. `triggerfish user create` can add another account.',
      'Production: start a new database with --no-demo (or TRIGGERFISH_DEMO=false) to skip the demo.',
    );
  } else if (run.kind === 'empty') {
    lines.push(
      '',
      'This database has no studio yet, and the demo is off. Create your studio:',
      '',
      '  triggerfish studio create --name "Your Studio" --time-zone America/Chicago --country US',
      '',
      'then give it an owner with `triggerfish user create` (see `triggerfish user create --help`),',
      'or run `triggerfish demo` to add a sandbox demo studio to look around in.',
    );
  }
  return lines.join('\n');
}
