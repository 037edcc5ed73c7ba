// Tuo tietoja: pick files, see what importing them would do (mapping, first rows with problems,
// matches and conflicts), decide conflicts and bad rows, then import in one transaction in main.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { invoke } from '../../api';
import type { ChannelOutput } from '../../../src-shared/contract';
import {
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES,
  type BadRowPolicy,
  type ColumnMapping,
  type ConflictChoice,
  type ConflictPolicy,
  type ImportFormat,
} from '../../../src-shared/contract/imports';
import { useFormats } from '../../components/format';
import { PickedFiles } from '../../components/PickedFiles';
import { useNavigation } from '../../components/Navigation';
import { useI18n } from '../../i18n';
import { readAsBase64, type PickedFile } from '../requests/attachments';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportResult } from './ImportResult';
import { MappingTable } from './MappingTable';
import { PreviewDetails } from './PreviewDetails';
import { errorText } from '../../components/useChannel';

export type Preview = ChannelOutput<'imports.preview'>;
export type RunResult = ChannelOutput<'imports.run'>;

/**
 * Mailchimp names its exports (and zips them), and a renamed export still has Mailchimp's own
 * columns; a Google Forms file starts with its Timestamp (Aikaleima) column; anything else starts
 * as a table.
 */
export function guessFormat(files: PickedFile[]): ImportFormat | null {
  if (files.some((file) => /(members|audience)_export|\.zip$/i.test(file.fileName))) return 'mailchimp';
  const firstLine = (file: PickedFile) => {
    try {
      return atob(file.base64.slice(0, 4000)).split(/\r?\n/)[0]!;
    } catch {
      return '';
    }
  };
  const mailchimpColumns = (line: string) => /(^|,)OPTIN_TIME(,|$)/.test(line) && /(^|,)(LEID|EUID)(,|$)/.test(line);
  if (files.length > 0 && files.every((file) => mailchimpColumns(firstLine(file)))) return 'mailchimp';
  const startsWithTimestamp = (file: PickedFile) =>
    /^(\xEF\xBB\xBF)?"?(Aikaleima|Timestamp)"?[,;\t]/.test(firstLine(file));
  if (files.length > 0 && files.every(startsWithTimestamp)) return 'google-forms';
  return null;
}

export function ImportScreen() {
  const { messages, format } = useI18n();
  const t = messages.imports;
  const formats = useFormats();
  const { navigate } = useNavigation();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const [importFormat, setImportFormat] = useState<ImportFormat>('csv');
  const [guessed, setGuessed] = useState(false);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [suggested, setSuggested] = useState<ColumnMapping>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [badRows, setBadRows] = useState<BadRowPolicy>('skip');
  const [conflictPolicy, setConflictPolicy] = useState<ConflictPolicy>('keep_register');
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RunResult | null>(null);
  const [failure, setFailure] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  // Every change of files, format or mapping asks main again what the import would do; an answer
  // to an earlier question is dropped.
  const asked = useRef(0);
  function previewWith(nextFiles: PickedFile[], nextFormat: ImportFormat, nextMapping: ColumnMapping | undefined) {
    setFiles(nextFiles);
    setImportFormat(nextFormat);
    setMapping(nextMapping);
    setResult(null);
    setFailure('');
    const question = ++asked.current;
    if (nextFiles.length === 0) {
      setPreview(null);
      setPreviewing(false);
      return;
    }
    setPreviewing(true);
    invoke('imports.preview', {
      format: nextFormat,
      files: nextFiles.map(({ fileName, base64 }) => ({ fileName, base64 })),
      ...(nextMapping ? { mapping: nextMapping } : {}),
    })
      .then((next) => {
        if (question !== asked.current) return;
        setPreview(next);
        if (!nextMapping) {
          const suggestion = Object.assign({}, ...next.files.map((file) => file.mapping)) as ColumnMapping;
          setMapping(suggestion);
          setSuggested(suggestion);
        }
      })
      .catch((error: unknown) => {
        if (question === asked.current) setFailure(errorText(error, messages.unexpected));
      })
      .finally(() => {
        if (question === asked.current) setPreviewing(false);
      });
  }

  async function addFiles(event: ChangeEvent<HTMLInputElement>) {
    const picked = [...(event.target.files ?? [])];
    event.target.value = '';
    const problems: string[] = [];
    const read: PickedFile[] = [];
    for (const file of picked.slice(0, MAX_IMPORT_FILES - files.length)) {
      if (file.size > MAX_IMPORT_FILE_BYTES) {
        problems.push(format(t.unreadable, { name: file.name }));
        continue;
      }
      try {
        read.push(await readAsBase64(file));
      } catch {
        problems.push(format(t.unreadable, { name: file.name }));
      }
    }
    const next = [...files, ...read];
    const guess = guessFormat(next);
    setGuessed(guess !== null);
    setFileProblems(problems);
    setChoices({});
    previewWith(next, guess ?? importFormat, undefined);
  }

  function removeFile(index: number) {
    previewWith(
      files.filter((_, i) => i !== index),
      importFormat,
      undefined,
    );
  }

  // Not useSubmit: the failure line is shared with the preview, which sets and clears it too.
  async function run() {
    setRunning(true);
    setFailure('');
    try {
      const outcome = await invoke('imports.run', {
        format: importFormat,
        files: files.map(({ fileName, base64 }) => ({ fileName, base64 })),
        ...(mapping ? { mapping } : {}),
        badRows,
        conflicts: conflictPolicy,
        ...(conflictPolicy === 'choose' ? { choices } : {}),
      });
      setResult(outcome);
    } catch (error) {
      setFailure(errorText(error, messages.unexpected));
    } finally {
      setRunning(false);
    }
  }

  function startOver() {
    previewWith([], importFormat, undefined);
    setChoices({});
    setGuessed(false);
    headingRef.current?.focus();
  }

  const conflictsToChoose = preview?.conflicts ?? [];
  const undecided =
    conflictPolicy === 'choose' && conflictsToChoose.some((conflict) => choices[conflict.id] === undefined);

  return (
    <main className="page page--wide import-page" aria-labelledby="import-title">
      <h1 id="import-title" ref={headingRef} tabIndex={-1}>
        {t.title}
      </h1>
      <p className="muted">{t.intro}</p>

      <section className="card" aria-labelledby="import-files-title">
        <h2 id="import-files-title">{t.files}</h2>
        <label className={`button file-button${files.length >= MAX_IMPORT_FILES ? ' is-disabled' : ''}`}>
          <input
            type="file"
            multiple
            accept=".csv,.txt,.xlsx,.zip,text/csv"
            className="visually-hidden"
            disabled={files.length >= MAX_IMPORT_FILES || running}
            aria-labelledby="import-pick"
            aria-describedby="import-files-hint"
            onChange={(event) => void addFiles(event)}
          />
          <span id="import-pick">{t.pickFiles}</span>
        </label>
        <p id="import-files-hint" className="field__hint">
          {t.filesHint}
        </p>
        {fileProblems.length > 0 && (
          <p className="form-alert" role="alert">
            {fileProblems.join(' ')}
          </p>
        )}
        <PickedFiles
          files={files}
          removeText={t.remove}
          removeLabel={(name) => format(t.removeFile, { name })}
          onRemove={removeFile}
          disabled={running}
        />
        {files.length > 0 && (
          <div className="field">
            <label htmlFor="import-format">{t.format}</label>
            <select
              id="import-format"
              value={importFormat}
              disabled={running}
              aria-describedby={guessed ? 'import-format-hint' : undefined}
              onChange={(event) => {
                setGuessed(false);
                previewWith(files, event.target.value as ImportFormat, undefined);
              }}
            >
              {(['csv', 'mailchimp', 'google-forms'] as const).map((name) => (
                <option key={name} value={name}>
                  {t.formats[name]}
                </option>
              ))}
            </select>
            {guessed && (
              <p id="import-format-hint" className="field__hint">
                {t.formatGuessed}
              </p>
            )}
          </div>
        )}
      </section>

      <p className="muted import-status" role="status">
        {previewing ? t.previewing : ''}
      </p>
      {previewing && <ImportProgressBar label={t.previewing} />}

      {failure && (
        <p className="form-alert" role="alert">
          {failure}
        </p>
      )}

      {result && <ImportResult result={result} onAgain={startOver} onContacts={() => navigate({ name: 'contacts' })} />}
      {(!result || result.status === 'stopped') && preview && files.length > 0 && (
        <>
          <PreviewDetails
            preview={preview}
            conflictPolicy={conflictPolicy}
            choices={choices}
            onChoices={(changed) => setChoices((current) => ({ ...current, ...changed }))}
          />
          {mapping && (
            <MappingTable
              preview={preview}
              mapping={mapping}
              suggested={suggested}
              onChange={(next) => previewWith(files, importFormat, next)}
              disabled={running}
            />
          )}
          <section className="card" aria-labelledby="import-run-title">
            <h2 id="import-run-title">{t.run}</h2>
            {preview.counts.conflicts > 0 && (
              <fieldset className="choice-group">
                <legend>{t.conflictPolicy}</legend>
                {(['keep_register', 'take_file', 'choose'] as const).map((policy) => (
                  <label key={policy} className="choice">
                    <input
                      type="radio"
                      name="conflict-policy"
                      value={policy}
                      checked={conflictPolicy === policy}
                      onChange={() => setConflictPolicy(policy)}
                    />{' '}
                    {t.conflictPolicies[policy]}
                  </label>
                ))}
              </fieldset>
            )}
            <fieldset className="choice-group">
              <legend>{t.badRowPolicy}</legend>
              {(['stop', 'skip'] as const).map((policy) => (
                <label key={policy} className="choice">
                  <input
                    type="radio"
                    name="bad-row-policy"
                    value={policy}
                    checked={badRows === policy}
                    onChange={() => setBadRows(policy)}
                  />{' '}
                  {t.badRowPolicies[policy]}
                </label>
              ))}
            </fieldset>
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                disabled={running || previewing || undecided}
                onClick={() => void run()}
              >
                {badRows === 'skip' && preview.counts.badRows > 0
                  ? format(t.runSkipping, {
                      good: formats.count(preview.counts.rows - preview.counts.badRows),
                      bad: formats.count(preview.counts.badRows),
                    })
                  : t.run}
              </button>
            </div>
            {undecided && <p className="muted">{t.stoppedBecause.unresolved_conflicts}</p>}
            {/* Beside the button just pressed: the preview above can be long. */}
            <p className="muted import-status" role="status">
              {running ? t.running : ''}
            </p>
            {running && <ImportProgressBar label={t.running} />}
          </section>
        </>
      )}
    </main>
  );
}
