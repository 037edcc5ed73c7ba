// The small document model that letters, certificates and subject-package reports are written in,
// so one text renders both to printable HTML and to PDF without either renderer knowing the content.

/** One piece of a document, in reading order. */
export type Block =
  | { kind: 'heading'; text: string }
  /** A heading inside a section, e.g. one group's list in the notice's data content. */
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Lines kept together without spacing: an address, a signature. */
  | { kind: 'lines'; lines: string[] }
  /** Label–value pairs; a null or empty value shows as the document's `empty` text. */
  | { kind: 'keyValues'; rows: Array<[label: string, value: string | null]> }
  | { kind: 'table'; columns: string[]; rows: string[][] };

export interface DocumentModel {
  title: string;
  /** Short lines under the title: date, reference. */
  meta: string[];
  blocks: Block[];
  /** What an empty value or an empty table shows, in the document's language ("—", "ei merkintöjä"). */
  empty: string;
}
