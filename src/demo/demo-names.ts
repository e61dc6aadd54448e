/**
 * Word lists for the demo's people and places. Some names are deliberately not ASCII (Zoë, Łukasz,
 * Ångström, Nguyễn…): a studio's clients are, and every screen, template and PDF must show them.
 */

// prettier-ignore
export const ADULT_FIRST_NAMES = [
  'Emma', 'Olivia', 'Ava', 'Sophia', 'Mia', 'Isabella', 'Charlotte', 'Amelia', 'Harper', 'Evelyn',
  'Zoë', 'Chloé', 'Renée', 'Siobhán', 'Aoife', 'Ingrid', 'Kateřina', 'Mónica', 'Priyanka', 'Mei',
  'Fatima', 'Ana', 'Grace', 'Hannah', 'Lauren', 'Megan', 'Rachel', 'Jasmine', 'Keisha', 'Yuki',
  'Liam', 'Noah', 'Oliver', 'Elijah', 'James', 'William', 'Benjamin', 'Lucas', 'Henry', 'Alexander',
  'Łukasz', 'José', 'Søren', 'Björn', 'François', 'Mårten', 'Ólafur', 'Jürgen', 'Rafael', 'Mateo',
  'Marcus', 'Andre', 'Darnell', 'Hiroshi', 'Arjun', 'Omar', 'Daniel', 'Michael', 'David', 'Kevin',
  'Jordan', 'Taylor', 'Casey', 'Riley', 'Morgan', 'Avery',
] as const;

// prettier-ignore
export const CHILD_FIRST_NAMES = [
  'Liam', 'Ella', 'Mason', 'Lily', 'Ethan', 'Nora', 'Leo', 'Aria', 'Jack', 'Luna', 'Owen', 'Isla',
  'Milo', 'Ivy', 'Theo', 'Hazel', 'Finn', 'Ruby', 'Eli', 'Zoë', 'Matías', 'Inès', 'Ksenia', 'Anaïs',
] as const;

// prettier-ignore
export const PARENT_FIRST_NAMES = [
  'Margaret', 'Robert', 'Linda', 'Richard', 'Barbara', 'Thomas', 'Dorothy', 'Gerald', 'Håkon', 'Irène',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyễn', 'Hill', 'Flores',
  'Ångström', 'Kowalczyk', 'Dvořák', 'Müller', 'Øvergaard', 'O’Brien', 'Nakamura', 'Patel', 'Okafor', 'Schröder',
  'Fernández', 'Lindqvist', 'Wiśniewski', 'Novák', 'Kim', 'Chen', 'Murphy', 'Rivera', 'Cooper', 'Reed',
  'Bailey', 'Bell', 'Gómez', 'Kelly', 'Howard', 'Ward', 'Cox', 'Diaz', 'Richardson',
] as const;

export const COMPANIES = [
  'Northpoint Dental',
  'Halsted Legal LLP',
  'Riverbend Realty',
  'Lakeview Yoga Co.',
  'Crane & Pike Architects',
  'Bluebird Bakery',
] as const;

/** Chicago-area places: the demo studio is in America/Chicago. */
export const PLACES = [
  { city: 'Chicago', postal: '60614' },
  { city: 'Chicago', postal: '60657' },
  { city: 'Chicago', postal: '60622' },
  { city: 'Evanston', postal: '60201' },
  { city: 'Oak Park', postal: '60302' },
  { city: 'Naperville', postal: '60540' },
  { city: 'Skokie', postal: '60076' },
  { city: 'Schaumburg', postal: '60173' },
  { city: 'Wilmette', postal: '60091' },
  { city: 'Downers Grove', postal: '60515' },
] as const;

// prettier-ignore
export const STREETS = [
  'N Clark St', 'W Armitage Ave', 'N Southport Ave', 'Sheridan Rd', 'Lake St', 'W Chicago Ave',
  'Maple Ave', 'Oak St', 'Ridge Ave', 'Green Bay Rd', 'Main St', 'Washington St',
] as const;

/** Area codes of the region; demo numbers use the 555-0100…555-0199 range reserved for fiction. */
export const AREA_CODES = ['312', '773', '872', '630', '847', '708'] as const;

export const LEAD_SOURCES = [
  ['Instagram', 5],
  ['Google Search', 4],
  ['Facebook', 2],
  ['Wedding Show', 1],
  ['Walk-in', 1],
  ['Website', 3],
] as const;

export const LOCATIONS = [
  'Studio A',
  'Studio B',
  'Lincoln Park Conservatory',
  'Montrose Beach',
  'Client home',
];

export const NPS_COMMENTS = [
  'Loved every minute, the photos are stunning!',
  'Great with our kids, very patient.',
  'Beautiful work but the ordering session felt rushed.',
  'Took a while to get our prints.',
  'We will be back next year!',
  '',
] as const;

/** ASCII form of a name for an email address: Zoë Ångström → zoe.angstrom. */
export function asciiSlug(text: string): string {
  return text
    .replace(/[Łł]/g, 'l')
    .replace(/[Øø]/g, 'o')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
