// The letters of a request, filled in by main from the controller details: the reply (an
// acknowledgement or extension notice while open, the answer once closed) and, for a refused
// request, the written certificate. Previewed in a sandboxed frame, saved as HTML and PDF to a
// folder the user picks in the system dialog.
import { useState } from 'react';
import { invoke } from '../../api';
import { serverErrors } from '../../components/checkForm';
import { Dialog } from '../../components/Dialog';
import { useNavigation } from '../../components/Navigation';
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import { isOpen, type RequestView } from './parts';

type Kind = 'reply' | 'certificate';

export function LettersCard({ request, isOwner }: { request: RequestView; isOwner: boolean }) {
  const { messages, format } = useI18n();
  const t = messages.requests.letters;
  const { navigate } = useNavigation();
  const profile = useChannel('settings.registerProfile', {}, []).data;
  const [preview, setPreview] = useState<{ kind: Kind; html: string } | null>(null);
  const [status, setStatus] = useState('');
  /** A cancelled save is said in plain text, not in the green of a saved one. */
  const [statusSaved, setStatusSaved] = useState(true);
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState<Kind | null>(null);

  async function show(kind: Kind) {
    setProblem(undefined);
    try {
      const letter = await invoke('requests.letter', { id: request.id, kind });
      setPreview({ kind, html: letter.html });
    } catch (error) {
      setProblem(serverErrors(error, messages.unexpected).form);
    }
  }

  // Not useSubmit: busy names which letter is being saved, and a cancel is said as plain text.
  async function save(kind: Kind) {
    setProblem(undefined);
    setStatus('');
    setBusy(kind);
    try {
      const written = await invoke('requests.saveLetter', { id: request.id, kind });
      setStatusSaved(written !== null);
      setStatus(
        written
          ? format(t.saved, { folder: written.folder, files: written.files.map((file) => file.name).join(', ') })
          : t.cancelled,
      );
    } catch (error) {
      setProblem(serverErrors(error, messages.unexpected).form);
    } finally {
      setBusy(null);
    }
  }

  const kinds: Kind[] = request.status === 'refused' ? ['certificate', 'reply'] : ['reply'];
  // The reply letter is what main fills in for the request's step: name it by that, so an
  // acknowledgement is never sent as if it were the answer.
  const open = isOpen(request);
  const replyTitle = !open ? t.reply : request.extendedTo ? t.extensionNotice : t.acknowledgement;
  const label = (kind: Kind) => (kind === 'reply' ? replyTitle : t.certificate);
  const withPackage = request.type === 'access' || request.type === 'portability';

  return (
    <section className="card" aria-labelledby="letters-title">
      <h2 id="letters-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {profile && !profile.controller.name.trim() && (
        <div className="notice">
          <p>{t.profileMissing}</p>
          {isOwner && (
            <button type="button" className="link-button" onClick={() => navigate({ name: 'register-profile' })}>
              {t.profileOpen}
            </button>
          )}
        </div>
      )}
      {kinds.map((kind) => (
        <div key={kind} className="letter-row">
          <h3>{label(kind)}</h3>
          {kind === 'certificate' && <p className="muted">{t.certificateIntro}</p>}
          {kind === 'reply' && (
            <p className="muted" data-testid="reply-letter-note">
              {open ? t.openNote : format(t.closedNote, { package: withPackage ? t.withPackage : '' })}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button" onClick={() => void show(kind)}>
              {kind === 'reply' ? t.show : t.showCertificate}
            </button>
            <button type="button" className="button" disabled={busy !== null} onClick={() => void save(kind)}>
              {busy === kind ? t.saving : kind === 'reply' ? t.save : t.saveCertificate}
            </button>
          </div>
        </div>
      ))}
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
      {!preview && (
        <p className={`${statusSaved ? 'ok' : 'muted'} announcement`} role="status">
          {status}
        </p>
      )}
      {preview && (
        <Dialog title={label(preview.kind)} className="dialog--letter" onClose={() => setPreview(null)}>
          <iframe
            className="letter-preview"
            sandbox=""
            srcDoc={preview.html}
            title={format(t.previewLabel, { title: label(preview.kind) })}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={busy !== null}
              onClick={() => void save(preview.kind)}
            >
              {busy === preview.kind ? t.saving : preview.kind === 'reply' ? t.save : t.saveCertificate}
            </button>
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t.close}
            </button>
          </div>
          <p className={`${statusSaved ? 'ok' : 'muted'} announcement`} role="status">
            {status}
          </p>
        </Dialog>
      )}
    </section>
  );
}
