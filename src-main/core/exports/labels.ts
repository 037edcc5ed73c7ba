// Address labels (postitustarrat) on A4 sheets of 3 × 8 labels, 70 × 37 mm, the common Finnish
// label sheet. A label is a list in the sense of the publication ban (seed 004), so the purpose
// is always 'listing': a person with a publication ban is left out. Addresses are written the
// Finnish way: name, organization, street, then the postal code and the post office in capitals;
// the country only for addresses abroad.
import PDFDocument from 'pdfkit';
import { finnishDate } from '../clock';
import { printable, useDocumentFonts } from '../documents';
import type { UnlockedRegister } from '../register';
import { assertMayExportLists } from '../settings';
import { sha256Hex } from '../written-files';
import { auditExport, exportFileName, type MailingExport } from './mailing';
import { recipientsFor, type PersonSelection, type Recipient } from './recipients';
import type { Language } from '../../../src-shared/language';

const MM = 72 / 25.4;
const COLUMNS = 3;
const ROWS = 8;
const LABEL_WIDTH = 70 * MM;
const LABEL_HEIGHT = 37 * MM;
/** A4 is 297 mm high; 8 × 37 mm leaves half a millimetre above and below. */
const TOP = 0.5 * MM;
const PADDING = 6 * MM;
const FONT_SIZE = 10;
const SMALLEST = 7;

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function labelLines(r: Recipient): string[] {
  const lines = [`${r.firstName} ${r.lastName}`];
  if (r.organization) lines.push(r.organization);
  if (r.street) lines.push(r.street);
  const place = r.city?.toLocaleUpperCase(r.country === 'FI' ? 'fi' : 'en') ?? '';
  lines.push(`${r.postalCode ?? ''} ${place}`.trim());
  if (r.country !== 'FI') lines.push((countryNames.of(r.country) ?? r.country).toUpperCase());
  return lines.map((line) => printable(line));
}

export function renderLabels(recipients: Recipient[]): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.info.Title = 'Address labels';
  pdf.info.Producer = 'Kaappi';
  useDocumentFonts(pdf);
  recipients.forEach((recipient, i) => {
    const slot = i % (COLUMNS * ROWS);
    if (slot === 0) pdf.addPage({ size: 'A4', margin: 0 });
    const x = (slot % COLUMNS) * LABEL_WIDTH + PADDING;
    const top = TOP + Math.floor(slot / COLUMNS) * LABEL_HEIGHT;
    const lines = labelLines(recipient);
    const width = LABEL_WIDTH - 2 * PADDING;
    // The longest line decides the size: smaller type rather than a cut-off address.
    let size = FONT_SIZE;
    pdf.fontSize(size);
    while (size > SMALLEST && Math.max(...lines.map((line) => pdf.widthOfString(line))) > width)
      pdf.fontSize((size -= 0.5));
    const lineHeight = size * 1.25;
    let y = top + (LABEL_HEIGHT - lines.length * lineHeight) / 2;
    for (const line of lines) {
      pdf.text(line, x, y, { width, lineBreak: false, ellipsis: true });
      y += lineHeight;
    }
  });
  if (recipients.length === 0) pdf.addPage({ size: 'A4', margin: 0 });
  pdf.end();
  return done;
}

export async function addressLabels(
  register: UnlockedRegister,
  request: { selection?: PersonSelection },
  language: Language,
): Promise<MailingExport> {
  assertMayExportLists(register);
  const { recipients, leftOut } = recipientsFor(register, request.selection ?? {}, 'post', 'listing', {
    fullAddress: true,
  });
  const bytes = await renderLabels(recipients);
  const today = finnishDate(register.deps.clock.now());
  auditExport(
    register,
    'export.labels',
    { channel: 'post', purpose: 'listing', sha256: sha256Hex(bytes) },
    leftOut,
    recipients.map((r) => r.personId),
    'labels',
  );
  return {
    file: { fileName: exportFileName(language, 'labels', 'post', today, 'pdf'), mediaType: 'application/pdf', bytes },
    included: recipients.length,
    leftOut,
  };
}
