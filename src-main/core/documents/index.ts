export { formatDate, formatEuros, formatInstant, label, text, catalogs } from './catalog';
export type { CatalogKey } from './catalog';
export { DOCUMENT_STYLE_CSP_SOURCE, escapeHtml, renderHtml } from './html';
export type { Block, DocumentModel } from './model';
export { renderPdf } from './pdf';
export { printable, useDocumentFonts } from './fonts';
