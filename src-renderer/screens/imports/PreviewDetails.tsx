// The preview of an import: what each file is, what the import would do (counts), the problems
// with their line numbers, the first rows, and each conflict between the register and the file
// (a page at a time: ConflictTable).
import { useState } from 'react';
import { delimitedText, FINNISH_EXCEL } from '../../../src-shared/delimited';
import type { ConflictChoice, ConflictPolicy } from '../../../src-shared/contract/imports';
import { downloadBlob } from '../../components/download';
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import { ConflictTable } from './ConflictTable';
import type { Preview } from './ImportScreen';

export function PreviewDetails({
  preview,
  conflictPolicy,
  choices,
  onChoices,
}: {
  preview: Preview;
  conflictPolicy: ConflictPolicy;
  choices: Record<string, ConflictChoice>;
  onChoices: (changed: Record<string, ConflictChoice>) => void;
}) {
  const { messages, format } = useI18n();
  const formats = useFormats();
  const t = messages.imports;
  const countNames = Object.keys(preview.counts) as Array<keyof Preview['counts']>;
  const columns = [...new Set(preview.sample.flatMap((row) => Object.keys(row.cells)))].slice(0, 8);
  return (
    <>
      <section className="card" aria-labelledby="import-preview-title">
        <h2 id="import-preview-title">{t.previewTitle}</h2>
        <ul className="plain-list">
          {preview.files.map((file) => (
            <li key={file.fileName}>
              {format(t.fileFacts, {
                name: file.fileName,
                rows: formats.count(file.rows),
                encoding: file.encoding,
                delimiter: file.delimiter === null ? t.noDelimiter : (t.delimiters[file.delimiter] ?? file.delimiter),
              })}
              {file.kind !== 'table' && ` — ${t.kinds[file.kind] ?? file.kind}`}
            </li>
          ))}
        </ul>
        <h3>{t.counts.title}</h3>
        <dl className="import-counts">
          {countNames
            .filter((name) => name === 'rows' || preview.counts[name] > 0)
            .map((name) => (
              <div key={name} className={name === 'badRows' ? 'problem' : undefined}>
                <dt>{t.counts[name]}</dt>
                <dd>{formats.count(preview.counts[name])}</dd>
              </div>
            ))}
        </dl>
      </section>

      {preview.problems.length > 0 && (
        <section className="card" aria-labelledby="import-problems-title">
          <h2 id="import-problems-title">{t.problemsTitle}</h2>
          <ProblemList problems={preview.problems} />
        </section>
      )}

      {preview.sample.length > 0 && (
        <section className="card" aria-labelledby="import-sample-title">
          <h2 id="import-sample-title">{t.sampleTitle}</h2>
          <div className="table-scroll" tabIndex={0}>
            <table className="table" aria-labelledby="import-sample-title">
              <thead>
                <tr>
                  <th scope="col">{t.line}</th>
                  <th scope="col">{t.action}</th>
                  {columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row) => (
                  <tr key={`${row.fileName}-${row.line}`}>
                    <td>{row.line}</td>
                    <td>
                      {t.actions[row.action] ?? row.action}
                      {row.match && ` (${t.matchedBy[row.match.rule] ?? row.match.rule})`}
                      {row.problems.map((problem, index) => (
                        <span key={index} className={`import-problem import-problem--${problem.severity}`}>
                          {problem.message}
                        </span>
                      ))}
                    </td>
                    {columns.map((column) => (
                      <td key={column}>{row.cells[column] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {preview.conflicts.length > 0 && (
        <ConflictTable
          conflicts={preview.conflicts}
          conflictPolicy={conflictPolicy}
          choices={choices}
          onChoices={onChoices}
        />
      )}
    </>
  );
}

interface ProblemKind {
  key: string;
  message: string;
  severity: 'error' | 'warning';
  fileName: string;
  firstLine: number | null;
  count: number;
}

/** The problems by what they say (a message names its column), most common first, at most eight. */
function problemKinds(problems: Preview['problems']): ProblemKind[] {
  const kinds = new Map<string, ProblemKind>();
  for (const problem of problems) {
    const key = `${problem.fileName}|${problem.severity}|${problem.message}`;
    const kind = kinds.get(key);
    if (kind) kind.count += 1;
    else {
      const { message, severity, fileName, line } = problem;
      kinds.set(key, { key, message, severity, fileName, firstLine: line, count: 1 });
    }
  }
  return [...kinds.values()].sort((a, b) => b.count - a.count).slice(0, 8);
}

/** Problems shown on the page; a file with more lists them all in a CSV to save (thousands would bog the page down). */
export const PROBLEMS_SHOWN = 100;

export function ProblemList({ problems }: { problems: Preview['problems'] }) {
  const { messages, format } = useI18n();
  const formats = useFormats();
  const t = messages.imports;
  const [saved, setSaved] = useState('');
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  function saveAll() {
    const fileName = t.problemsFile;
    const csv = delimitedText(
      t.problemColumns,
      problems.map((problem) => [
        problem.fileName,
        problem.line,
        problem.column ?? '',
        t.severities[problem.severity],
        problem.message,
      ]),
      // As the contacts table export: the spreadsheet is a Finnish Excel whatever the UI language.
      FINNISH_EXCEL,
    );
    downloadBlob(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    setSaved(format(t.problemsSaved, { file: fileName }));
  }
  return (
    <>
      {problems.length > shown.length && (
        <>
          <h3>{t.problemKinds}</h3>
          <ul className="plain-list import-problem-kinds">
            {problemKinds(problems).map((kind) => (
              <li key={kind.key} className={kind.severity === 'error' ? 'problem' : 'muted'}>
                {format(kind.count === 1 ? t.problemKindOne : t.problemKind, {
                  message: kind.message,
                  count: formats.count(kind.count),
                  first: kind.firstLine ?? '–',
                  file: kind.fileName,
                })}
              </li>
            ))}
          </ul>
          <div className="import-problems__more">
            <p>
              {format(t.problemsShown, { shown: formats.count(shown.length), all: formats.count(problems.length) })}
            </p>
            <button type="button" className="button" onClick={saveAll}>
              {t.saveProblems}
            </button>
            <span role="status" className="ok">
              {saved}
            </span>
          </div>
        </>
      )}
      <ul className="plain-list import-problems">
        {shown.map((problem, index) => (
          <li key={index} className={problem.severity === 'error' ? 'problem' : 'muted'}>
            {problem.fileName}
            {problem.line !== null && `, ${format(t.lineN, { line: problem.line })}`}
            {/* Main's message usually names the column already. */}
            {problem.column && !problem.message.startsWith(problem.column) && ` (${problem.column})`}: {problem.message}
          </li>
        ))}
      </ul>
    </>
  );
}
