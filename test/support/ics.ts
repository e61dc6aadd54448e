/**
 * Reads an iCalendar file back (RFC 5545): unfolds continuation lines, splits each property into
 * name, parameters and value, and unescapes TEXT values. Enough to check what we write; not a
 * general parser.
 */
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export function readIcs(text: string): { physicalLines: string[]; properties: IcsProperty[] } {
  if (/[^\r]\n/.test(text)) throw new Error('a line ends without CR');
  const physicalLines = text.split('\r\n').slice(0, -1);
  const unfolded = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
  const properties = unfolded.map((line) => {
    const colon = indexOutsideQuotes(line, ':');
    const [name, ...params] = line.slice(0, colon).split(';');
    return {
      name: name as string,
      params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
      value: line.slice(colon + 1),
    };
  });
  return { physicalLines, properties };
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function icsValue(properties: IcsProperty[], name: string): string | undefined {
  return properties.find((p) => p.name === name)?.value;
}

function indexOutsideQuotes(line: string, char: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === char && !quoted) return i;
  }
  return -1;
}
