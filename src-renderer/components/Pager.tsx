// A long list a page at a time: "← Previous · Items 26–50 / 60 · Next →". The caller keeps the
// page and slices its rows (usePage); the range is announced as it changes.
import { useState } from 'react';
import { useFormats } from './format';
import { useI18n } from '../i18n';

export interface PageOf<T> {
  rows: T[];
  page: number;
  pages: number;
  from: number;
  setPage: (page: number) => void;
}

/** The rows of the current page; a new, shorter list moves back to its last page. */
export function usePage<T>(all: T[], perPage: number): PageOf<T> {
  const [requested, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  const page = Math.min(requested, pages - 1);
  const from = page * perPage;
  return { rows: all.slice(from, from + perPage), page, pages, from, setPage };
}

export function Pager<T>({
  of,
  total,
  label,
  range,
}: {
  of: PageOf<T>;
  total: number;
  /** The navigation's name, e.g. "Pages of conflicts". */
  label: string;
  /** With {from}, {to} and {all}. */
  range: string;
}) {
  const { messages, format } = useI18n();
  const words = messages.register.common;
  const formats = useFormats();
  if (of.pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="button button--small"
        disabled={of.page === 0}
        onClick={() => of.setPage(of.page - 1)}
      >
        ← {words.previousPage}
      </button>
      <span aria-live="polite">
        {format(range, {
          from: formats.count(of.from + 1),
          to: formats.count(of.from + of.rows.length),
          all: formats.count(total),
        })}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={of.page === of.pages - 1}
        onClick={() => of.setPage(of.page + 1)}
      >
        {words.nextPage} →
      </button>
    </nav>
  );
}
