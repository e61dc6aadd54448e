import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfLine {
  text: string;
  /** From the page's left edge and top edge, in inches (PDF's own y runs up from the bottom). */
  left: number;
  top: number;
}

/** A PDF read back the way a reader sees it: per page, the text runs with where they sit. */
export async function readPdf(data: Buffer): Promise<{ pages: PdfLine[][]; text: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(data), disableFontFace: true, useSystemFonts: false })
    .promise;
  const pages: PdfLine[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const height = page.view[3] as number;
    const content = await page.getTextContent();
    const lines: PdfLine[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , x, y] = item.transform as number[];
      lines.push({ text: item.str, left: (x as number) / 72, top: (height - (y as number)) / 72 });
    }
    pages.push(lines);
  }
  await doc.destroy();
  return { pages, text: pages.map((lines) => lines.map((l) => l.text).join('\n')) };
}
