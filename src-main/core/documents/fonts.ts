// The PDFs' typeface: DejaVu Sans (resources/fonts), embedded as a subset, so a name prints as it
// is written (Łukasz, Čapek, Ольга) and not as its nearest Western letter. A character the font
// lacks (Chinese, say) is written as its base letter when it has one, else as '?'; the HTML and
// JSON beside every PDF keep the exact text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'fontkit';
import { resourceDirectory } from '../resources';

export const REGULAR = 'Kaappi-Regular';
export const BOLD = 'Kaappi-Bold';

interface LoadedFonts {
  regular: Buffer;
  bold: Buffer;
  covers: (codePoint: number) => boolean;
}

let loaded: LoadedFonts | null = null;

/** Read once per process: every document embeds its own subset of the same two files. */
function fonts(): LoadedFonts {
  if (!loaded) {
    const folder = resourceDirectory('fonts');
    const regular = readFileSync(join(folder, 'DejaVuSans.ttf'));
    const bold = readFileSync(join(folder, 'DejaVuSans-Bold.ttf'));
    const faces = [create(regular), create(bold)];
    loaded = { regular, bold, covers: (codePoint) => faces.every((face) => face.hasGlyphForCodePoint(codePoint)) };
  }
  return loaded;
}

/** Registers REGULAR and BOLD with a new pdfkit document and selects REGULAR. */
export function useDocumentFonts(pdf: PDFKit.PDFDocument): void {
  const { regular, bold } = fonts();
  pdf.registerFont(REGULAR, regular);
  pdf.registerFont(BOLD, bold);
  pdf.font(REGULAR);
}

/** `text` as the fonts can draw it: line breaks kept, tabs and other controls as spaces. */
export function printable(text: string): string {
  const { covers } = fonts();
  let out = '';
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0)!;
    if (char === '\n' || char === '\r') out += char;
    else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) out += ' ';
    else if (covers(codePoint)) out += char;
    else {
      // Decomposed, a letter the font lacks may keep a base letter it has.
      const base = [...char.normalize('NFD')].filter((part) => covers(part.codePointAt(0)!)).join('');
      out += base === '' ? '?' : base;
    }
  }
  return out;
}
