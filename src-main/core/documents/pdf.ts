// A document as an A4 PDF with pdfkit under plain Node (the CLI and the main process; no browser).
// Text is wrapped here rather than by pdfkit so that table rows can be split across pages line by
// line with the header repeated, and every page gets "n / total" at the foot.
import PDFDocument from 'pdfkit';
import { BOLD, printable, REGULAR, useDocumentFonts } from './fonts';
import type { Block, DocumentModel } from './model';

const MARGIN = 50;
const SIZE = { title: 16, meta: 9, heading: 12, body: 10, table: 8.5 } as const;
const LEADING = 1.3;
const CELL_PAD = 3;

type Pdf = PDFKit.PDFDocument;

/**
 * Widths of single characters in the current font and size, cached: measuring a string through an
 * embedded font lays it out each time, which made a long pasted token take seconds. Kerning only
 * narrows a line, so the sum of the characters' widths is a safe upper bound for fitting.
 */
class Measure {
  private readonly widths = new Map<string, number>();
  private key = '';

  constructor(private readonly pdf: Pdf) {}

  use(font: string, size: number): void {
    this.key = `${font}|${size}|`;
  }

  char(char: string): number {
    const key = this.key + char;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.pdf.widthOfString(char);
      this.widths.set(key, width);
    }
    return width;
  }

  text(text: string): number {
    let width = 0;
    for (const char of text) width += this.char(char);
    return width;
  }
}

/** Breaks `text` into lines no wider than `width`, at spaces where it can, inside words where it must. */
function wrap(measure: Measure, text: string, width: number): string[] {
  const lines: string[] = [];
  const space = measure.char(' ');
  for (const paragraph of printable(text).split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ')) {
      const wordWidth = measure.text(word);
      const candidateWidth = line === '' ? wordWidth : lineWidth + space + wordWidth;
      if (candidateWidth <= width) {
        line = line === '' ? word : `${line} ${word}`;
        lineWidth = candidateWidth;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      lineWidth = 0;
      // A word wider than the line is cut where the next character would not fit.
      for (const char of wordWidth > width ? word : []) {
        const charWidth = measure.char(char);
        if (line !== '' && lineWidth + charWidth > width) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += char;
        lineWidth += charWidth;
      }
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
      }
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  readonly pdf: Pdf;
  private readonly measure: Measure;
  y = MARGIN;

  constructor(private readonly empty: string) {
    this.pdf = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, autoFirstPage: true });
    useDocumentFonts(this.pdf);
    this.measure = new Measure(this.pdf);
  }

  get width(): number {
    return this.pdf.page.width - 2 * MARGIN;
  }

  get bottom(): number {
    return this.pdf.page.height - MARGIN;
  }

  font(name: string, size: number): number {
    this.pdf.font(name).fontSize(size);
    this.measure.use(name, size);
    return size * LEADING;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.pdf.addPage();
    this.y = MARGIN;
  }

  line(text: string, x: number): void {
    this.pdf.text(text, x, this.y, { lineBreak: false });
  }

  textBlock(text: string, font: string, size: number, before: number, after: number): void {
    const height = this.font(font, size);
    const lines = wrap(this.measure, text, this.width);
    this.y += before;
    for (const line of lines) {
      this.ensure(height);
      this.line(line, MARGIN);
      this.y += height;
    }
    this.y += after;
  }

  heading(text: string): void {
    const height = this.font(BOLD, SIZE.heading);
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(height + 14 + 3 * SIZE.body * LEADING);
    this.textBlock(text, BOLD, SIZE.heading, 14, 7);
    this.pdf
      .moveTo(MARGIN, this.y - 5)
      .lineTo(MARGIN + this.width, this.y - 5)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
  }

  keyValues(rows: Array<[string, string | null]>): void {
    const labelWidth = Math.round(this.width * 0.34);
    const valueWidth = this.width - labelWidth - 8;
    const height = this.font(REGULAR, SIZE.body);
    for (const [label, value] of rows) {
      this.font(BOLD, SIZE.body);
      const labels = wrap(this.measure, label, labelWidth);
      this.font(REGULAR, SIZE.body);
      const values = wrap(this.measure, value === null || value === '' ? this.empty : value, valueWidth);
      const count = Math.max(labels.length, values.length);
      for (let i = 0; i < count; i++) {
        this.ensure(height);
        this.font(BOLD, SIZE.body);
        if (labels[i]) this.line(labels[i]!, MARGIN);
        this.font(REGULAR, SIZE.body);
        if (values[i]) this.line(values[i]!, MARGIN + labelWidth + 8);
        this.y += height;
      }
      this.y += 2;
    }
    this.y += 4;
  }

  /**
   * Column widths: each at least as wide as its longest word (so "Määräpäivä" never breaks inside),
   * the rest of the page shared in proportion to how much wider each column's longest text would
   * like to be. Only when the words alone overflow the page are all columns scaled down.
   */
  private columnWidths(columns: string[], rows: string[][]): number[] {
    const pad = 2 * CELL_PAD + 1;
    const measured = (text: string, font: string) => {
      this.font(font, SIZE.table);
      const words = printable(text).split(/\s+/);
      return { word: Math.max(0, ...words.map((w) => this.measure.text(w))), whole: this.measure.text(text) };
    };
    const fits = columns.map((column, i) => {
      const cells = [measured(column, BOLD), ...rows.map((row) => measured(row[i] ?? '', REGULAR))];
      // A token longer than a third of the page (a pasted link) breaks rather than squeeze the rest.
      const word = Math.min(this.width / 3, Math.max(...cells.map((c) => c.word)) + pad);
      // A long text wraps anyway: wanting more than a third of the page gains nothing.
      const whole = Math.min(this.width / 3, Math.max(...cells.map((c) => c.whole)) + pad);
      return { word, extra: Math.max(0, whole - word) };
    });
    const words = fits.reduce((sum, f) => sum + f.word, 0);
    if (words >= this.width) return fits.map((f) => (this.width * f.word) / words);
    const extra = fits.reduce((sum, f) => sum + f.extra, 0);
    const spare = this.width - words;
    return fits.map((f) => f.word + (extra === 0 ? spare / fits.length : (spare * f.extra) / extra));
  }

  table(columns: string[], rows: string[][]): void {
    if (rows.length === 0) {
      this.textBlock(this.empty, REGULAR, SIZE.body, 0, 6);
      return;
    }
    const widths = this.columnWidths(columns, rows);
    const lineHeight = this.font(REGULAR, SIZE.table);
    const cellLines = (cells: string[], font: string) => {
      this.font(font, SIZE.table);
      return widths.map((width, i) => wrap(this.measure, cells[i] ?? '', width - 2 * CELL_PAD));
    };
    const header = cellLines(columns, BOLD);
    const headerHeight = Math.max(...header.map((lines) => lines.length)) * lineHeight + 2 * CELL_PAD;
    const drawRow = (lines: string[][], from: number, count: number, font: string, fill?: string) => {
      const height = count * lineHeight + 2 * CELL_PAD;
      let x = MARGIN;
      widths.forEach((width, i) => {
        if (fill) this.pdf.rect(x, this.y, width, height).fill(fill);
        this.pdf.rect(x, this.y, width, height).lineWidth(0.5).strokeColor('#999999').stroke();
        this.pdf.fillColor('#000000');
        this.font(font, SIZE.table);
        (lines[i] ?? []).slice(from, from + count).forEach((text, n) => {
          this.pdf.text(text, x + CELL_PAD, this.y + CELL_PAD + n * lineHeight, { lineBreak: false });
        });
        x += width;
      });
      this.y += height;
    };
    const drawHeader = () => drawRow(header, 0, Math.max(...header.map((l) => l.length)), BOLD, '#eeeeee');
    this.ensure(headerHeight + lineHeight + 2 * CELL_PAD);
    drawHeader();
    for (const row of rows) {
      const lines = cellLines(
        row.map((cell) => (cell === '' ? this.empty : cell)),
        REGULAR,
      );
      const total = Math.max(...lines.map((l) => l.length));
      const fitsHere = () => Math.floor((this.bottom - this.y - 2 * CELL_PAD) / lineHeight);
      // A row that fits on a page moves whole to the next one; only a longer row is split.
      if (total > fitsHere() && total <= this.pageRows(headerHeight, lineHeight)) {
        this.newPage();
        drawHeader();
      }
      let done = 0;
      while (done < total) {
        if (fitsHere() < 1) {
          this.newPage();
          drawHeader();
        }
        const count = Math.min(fitsHere(), total - done);
        drawRow(lines, done, count, REGULAR);
        done += count;
      }
    }
    this.y += 8;
  }

  private pageRows(headerHeight: number, lineHeight: number): number {
    return Math.floor((this.bottom - MARGIN - headerHeight - 2 * CELL_PAD) / lineHeight);
  }

  block(part: Block): void {
    switch (part.kind) {
      case 'heading':
        return this.heading(part.text);
      case 'subheading':
        // Bold body text, kept with the first lines of its list.
        this.ensure(this.font(BOLD, SIZE.body) + 3 * SIZE.body * LEADING);
        return this.textBlock(part.text, BOLD, SIZE.body, 4, 3);
      case 'paragraph':
        return this.textBlock(part.text, REGULAR, SIZE.body, 0, 6);
      case 'lines':
        for (const text of part.lines) this.textBlock(text, REGULAR, SIZE.body, 0, 0);
        this.y += 6;
        return;
      case 'keyValues':
        return this.keyValues(part.rows);
      case 'table':
        return this.table(part.columns, part.rows);
    }
  }

  /** "n / total" centred in the bottom margin of every page. */
  pageNumbers(): void {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      // Writing below the bottom margin would make pdfkit start a new page.
      const bottomMargin = this.pdf.page.margins.bottom;
      this.pdf.page.margins.bottom = 0;
      this.font(REGULAR, SIZE.meta);
      this.pdf.fillColor('#444444').text(`${i + 1} / ${range.count}`, MARGIN, this.pdf.page.height - MARGIN / 2 - 4, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      this.pdf.page.margins.bottom = bottomMargin;
    }
  }
}

export function renderPdf(doc: DocumentModel): Promise<Buffer> {
  const writer = new Writer(doc.empty);
  const { pdf } = writer;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.info.Title = doc.title;
  pdf.info.Producer = 'Kaappi';
  pdf.info.Creator = 'Kaappi';
  writer.textBlock(doc.title, BOLD, SIZE.title, 0, 2);
  for (const line of doc.meta) writer.textBlock(line, REGULAR, SIZE.meta, 0, 0);
  writer.y += 8;
  for (const part of doc.blocks) writer.block(part);
  writer.pageNumbers();
  pdf.end();
  return done;
}
