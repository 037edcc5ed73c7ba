// The printed notice on the settings screen: whether it is current and what it lacks, a preview
// of the notice (fi/en) and of the Art. 30 record in a sandboxed frame, and saving either as HTML
// and PDF to a folder main's dialog picks.
import { useState } from 'react';
import { invoke } from '../../api';
import { serverErrors } from '../../components/checkForm';
import { Dialog } from '../../components/Dialog';
import { useI18n, type Language } from '../../i18n';
import { NoticeStatusText } from './NoticeStatusText';
import type { NoticeStatus } from './types';

type Preview = { kind: 'notice' | 'record'; language: Language; html: string };
type Busy = 'notice' | 'record' | null;

export function NoticeDocuments({
  status,
  isOwner,
  onWritten,
}: {
  status: NoticeStatus | null;
  isOwner: boolean;
  onWritten: () => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.settings.notice;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [result, setResult] = useState('');
  /** A cancelled save is said in plain text, not in the green of a saved one. */
  const [resultSaved, setResultSaved] = useState(true);
  const [problem, setProblem] = useState<string | undefined>();

  async function show(kind: Preview['kind'], language: Preview['language']) {
    setProblem(undefined);
    try {
      const doc = await invoke(kind === 'notice' ? 'notice.html' : 'notice.recordHtml', { language });
      setPreview({ kind, language, html: doc.html });
    } catch (error) {
      setProblem(serverErrors(error, messages.unexpected).form);
    }
  }

  // Not useSubmit: busy names which document is being written, and the preview keeps its own error.
  async function save(kind: 'notice' | 'record') {
    setProblem(undefined);
    setResult('');
    setBusy(kind);
    try {
      const written = await invoke(kind === 'notice' ? 'notice.save' : 'notice.saveRecord', {});
      setResultSaved(written !== null);
      setResult(
        written
          ? format(t.savedFiles, { folder: written.folder, files: written.files.map((file) => file.name).join(', ') })
          : t.cancelled,
      );
      if (written) onWritten();
    } catch (error) {
      setProblem(serverErrors(error, messages.unexpected).form);
    } finally {
      setBusy(null);
    }
  }

  const saveButton = (kind: 'notice' | 'record', primary: boolean) => (
    <button
      type="button"
      className={`button${primary ? ' button--primary' : ''}`}
      disabled={busy !== null}
      onClick={() => void save(kind)}
    >
      {busy === kind ? t.savingFiles : kind === 'notice' ? t.save : t.saveRecord}
    </button>
  );
  const previewTitle = preview
    ? `${preview.kind === 'notice' ? t.title : t.recordTitle} ${preview.language === 'fi' ? messages.settings.fi : messages.settings.en}`
    : '';

  return (
    <section className="card" aria-labelledby="notice-docs-title" id="settings-notice">
      <h2 id="notice-docs-title" tabIndex={-1}>
        {t.title}
      </h2>
      {status ? <NoticeStatusText status={status} /> : <p className="muted">{messages.loading}</p>}
      <p className="muted">{t.saveHint}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void show('notice', 'fi')}>
          {t.previewFi}
        </button>
        <button type="button" className="button" onClick={() => void show('notice', 'en')}>
          {t.previewEn}
        </button>
        {saveButton('notice', true)}
      </div>
      {isOwner && <p className="muted">{t.recordHint}</p>}
      {isOwner && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => void show('record', 'fi')}>
            {t.previewRecord}
          </button>
          {saveButton('record', false)}
        </div>
      )}
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
      {!preview && (
        <p className={`${resultSaved ? 'ok' : 'muted'} announcement`} role="status">
          {result}
        </p>
      )}
      {preview && (
        <Dialog title={previewTitle} className="dialog--letter" onClose={() => setPreview(null)}>
          <iframe
            className="letter-preview"
            sandbox=""
            srcDoc={preview.html}
            title={format(t.previewLabel, { title: previewTitle })}
          />
          <div className="button-row">
            {saveButton(preview.kind, true)}
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t.close}
            </button>
          </div>
          <p className={`${resultSaved ? 'ok' : 'muted'} announcement`} role="status">
            {result}
          </p>
        </Dialog>
      )}
    </section>
  );
}
