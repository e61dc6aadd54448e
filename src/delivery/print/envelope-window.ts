/**
 * Where a letter's parts sit on the page so that the recipient's address shows through the window
 * of the envelope it is folded into. Measurements are in PDF points (1in = 72pt, 1mm = 72/25.4pt),
 * from the top-left corner of the page. docs/delivery.md explains where each number comes from.
 */
export interface LetterLayout {
  readonly paper: 'LETTER' | 'A4';
  /** The locale the date line is written in. */
  readonly dateLocale: string;
  readonly margin: { readonly left: number; readonly right: number; readonly top: number };
  /** The recipient's address block: its top-left corner, width and the most lines that fit. */
  readonly address: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly lines: number;
  };
  /** Where the date line and then the letter's text start, below the address window. */
  readonly dateY: number;
}

const INCH = 72;
const MM = 72 / 25.4;

/**
 * US Letter tri-folded into a #10 window envelope (4 1/8 × 9 1/2in, window 1 1/8 × 4 1/2in, 7/8in
 * from the left and 1/2in from the bottom edge). The top third of the letter (3 2/3in) faces the
 * window; depending on how far it slides in the envelope, the window covers the letter from 2.04in
 * to 3.625in below its top. The block starts at 2.5in so that its first four lines (10pt type,
 * 12pt leading, ending at 3.17in) show wherever the letter sits, a fifth when it sits high; 1in
 * from the left keeps it inside
 * the window's 7/8in edge when the letter slides sideways.
 */
const US_NUMBER_10: LetterLayout = {
  paper: 'LETTER',
  dateLocale: 'en-US',
  margin: { left: 1 * INCH, right: 1 * INCH, top: 0.6 * INCH },
  address: { x: 1 * INCH, y: 2.5 * INCH, width: 3.5 * INCH, lines: 5 },
  dateY: 3.9 * INCH,
};

/**
 * A4 for a DL or C5/6 window envelope, DIN 5008 form B: the address field is 85 × 45mm, 20mm from
 * the left and 45mm from the top; its first 17.7mm are the return-address zone, so the recipient's
 * lines start at 62.7mm, indented 5mm (25mm from the left), and fit six lines in the 27.3mm left.
 * The first fold mark is at 105mm; the letter's text starts below it.
 */
const DIN_5008_B: LetterLayout = {
  paper: 'A4',
  dateLocale: 'en-GB',
  margin: { left: 25 * MM, right: 20 * MM, top: 12 * MM },
  address: { x: 25 * MM, y: 62.7 * MM, width: 80 * MM, lines: 6 },
  dateY: 108 * MM,
};

/** US and Canadian studios print on Letter for #10 envelopes; everyone else on A4 (DIN 5008). */
export function letterLayoutFor(country: string): LetterLayout {
  return ['US', 'CA'].includes(country.toUpperCase()) ? US_NUMBER_10 : DIN_5008_B;
}
