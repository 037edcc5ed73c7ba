// The preview of an import: what each file is, what the import would do (counts), the problems
// with their line numbers, the first rows, and each conflict between the register and the file.
import type { ConflictChoice, ConflictPolicy } from '../../../src-main/ipc/contract/imports';
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import type { Preview } from './ImportScreen';

export function PreviewDetails({
  preview,
  conflictPolicy,
  choices,
  onChoice,
}: {
  preview: Preview;
  conflictPolicy: ConflictPolicy;
  choices: Record<string, ConflictChoice>;
  onChoice: (id: string, choice: ConflictChoice) => void;
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
        <section className="card" aria-labelledby="import-conflicts-title">
          <h2 id="import-conflicts-title">{t.conflictsTitle}</h2>
          <p className="muted">{t.conflictsIntro}</p>
          <div className="table-scroll" tabIndex={0}>
            <table className="table" aria-labelledby="import-conflicts-title">
              <thead>
                <tr>
                  <th scope="col">{t.line}</th>
                  <th scope="col">{t.person}</th>
                  <th scope="col">{t.field}</th>
                  <th scope="col">{t.registerValue}</th>
                  <th scope="col">{t.fileValue}</th>
                  {conflictPolicy === 'choose' && <th scope="col">{t.choice}</th>}
                </tr>
              </thead>
              <tbody>
                {preview.conflicts.map((conflict) => (
                  <tr key={conflict.id}>
                    <td>{conflict.line}</td>
                    <td>{conflict.personName}</td>
                    <td>{t.fields[conflict.field] ?? conflict.field}</td>
                    <td>{conflict.registerValue}</td>
                    <td>{conflict.fileValue}</td>
                    {conflictPolicy === 'choose' && (
                      <td>
                        <fieldset className="choice-inline">
                          <legend className="visually-hidden">
                            {`${conflict.personName}: ${t.fields[conflict.field] ?? conflict.field}`}
                          </legend>
                          {(['register', 'file'] as const).map((choice) => (
                            <label key={choice} className="choice">
                              <input
                                type="radio"
                                name={`conflict-${conflict.id}`}
                                checked={choices[conflict.id] === choice}
                                onChange={() => onChoice(conflict.id, choice)}
                              />{' '}
                              {choice === 'register' ? t.keepRegister : t.takeFile}
                            </label>
                          ))}
                        </fieldset>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

export function ProblemList({ problems }: { problems: Preview['problems'] }) {
  const { messages, format } = useI18n();
  const t = messages.imports;
  return (
    <ul className="plain-list import-problems">
      {problems.map((problem, index) => (
        <li key={index} className={problem.severity === 'error' ? 'problem' : 'muted'}>
          {problem.fileName}
          {problem.line !== null && `, ${format(t.lineN, { line: problem.line })}`}
          {/* Main's message usually names the column already. */}
          {problem.column && !problem.message.startsWith(problem.column) && ` (${problem.column})`}: {problem.message}
        </li>
      ))}
    </ul>
  );
}
