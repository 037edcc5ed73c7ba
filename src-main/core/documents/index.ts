export { formatDate, formatEuros, formatInstant, label, text, catalogs } from './catalog';
export type { CatalogKey } from './catalog';
export { refusalCertificate, type CertificateInput } from './certificate';
export { DOCUMENT_STYLE_CSP_SOURCE, escapeHtml, renderHtml } from './html';
export { requestLetter, type LetterInput } from './letters';
export type { Block, DocumentModel } from './model';
export { renderPdf } from './pdf';
export { printable } from './fonts';
