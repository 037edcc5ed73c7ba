// A document as one self-contained HTML page: no scripts, no external resources, every text
// escaped, and print CSS, so it can be opened offline, printed or saved as PDF from any browser.
import { createHash } from 'node:crypto';
import type { Block, DocumentModel } from './model';
import type { Language } from '../../../src-shared/language';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
         color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 18pt; margin: 0 0 .25rem; }
  h2 { font-size: 13pt; margin: 1.6rem 0 .4rem; border-bottom: 1px solid #999; }
  .meta { color: #444; margin: 0; }
  p { margin: .4rem 0; white-space: pre-line; }
  .lines p { margin: 0; }
  .lines { margin: .6rem 0; }
  dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .15rem 1rem; margin: .4rem 0; }
  dt { font-weight: 600; }
  dd { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
  table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: 10pt; }
  th, td { border: 1px solid #bbb; padding: .2rem .4rem; text-align: left; vertical-align: top;
           overflow-wrap: anywhere; white-space: pre-line; }
  th { background: #eee; }
  .empty { color: #555; font-style: italic; }
  @page { size: A4; margin: 18mm 16mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    h2 { break-after: avoid; }
    tr, dl > * { break-inside: avoid; }
    thead { display: table-header-group; }
  }
`;

/**
 * The style block as a CSP source. The window previews documents in a sandboxed iframe, which
 * inherits the window's policy (style-src 'self'): this hash lets exactly this inline style in
 * and no other. src-renderer/index.html and platform/window.ts carry it (a test checks both).
 */
export const DOCUMENT_STYLE_CSP_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function value(text: string | null, empty: string): string {
  return text === null || text === '' ? `<span class="empty">${escapeHtml(empty)}</span>` : escapeHtml(text);
}

function block(part: Block, empty: string): string {
  switch (part.kind) {
    case 'heading':
      return `<h2>${escapeHtml(part.text)}</h2>`;
    case 'subheading':
      return `<h3>${escapeHtml(part.text)}</h3>`;
    case 'paragraph':
      return `<p>${escapeHtml(part.text)}</p>`;
    case 'lines':
      return `<div class="lines">${part.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`;
    case 'keyValues':
      return `<dl>${part.rows.map(([label, text]) => `<dt>${escapeHtml(label)}</dt><dd>${value(text, empty)}</dd>`).join('')}</dl>`;
    case 'table': {
      if (part.rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
      const head = part.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
      const rows = part.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${value(cell, empty)}</td>`).join('')}</tr>`)
        .join('\n');
      return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    }
  }
}

export function renderHtml(doc: DocumentModel, lang: Language): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
${doc.meta.map((line) => `<p class="meta">${escapeHtml(line)}</p>`).join('\n')}
${doc.blocks.map((part) => block(part, doc.empty)).join('\n')}
</body>
</html>
`;
}
