// What was recorded about a request (who asked, how, when, the text and attachments) and whom in
// the register it concerns, with a way to change that while it is open.
import { useState, type ReactNode } from 'react';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { useFormats } from '../../components/format';
import { useNavigation } from '../../components/Navigation';
import { RestrictedBadge } from '../contacts/columns';
import { useI18n } from '../../i18n';
import { fileSize } from '../../components/format';
import { downloadBase64 } from './attachments';
import { isOpen, type RequestView } from './parts';
import { SubjectPicker, type ChosenPerson } from './SubjectPicker';
import { errorText } from '../../components/useChannel';

export function FactsCard({ request }: { request: RequestView }) {
  const { messages, format, language } = useI18n();
  const t = messages.requests.detail;
  const formats = useFormats();
  const { canWrite } = useNavigation();
  const [problem, setProblem] = useState('');
  const none = <span className="muted">{messages.register.common.none}</span>;

  async function download(attachmentId: number) {
    setProblem('');
    try {
      downloadBase64(await invoke('requests.attachment', { id: request.id, attachmentId }));
    } catch (error) {
      setProblem(errorText(error, messages.unexpected));
    }
  }

  const rows: Array<[string, ReactNode]> = [
    [t.fields.type, messages.requests.types[request.type]],
    [t.fields.receivedOn, formats.date(request.receivedOn)],
    [t.fields.channel, messages.requests.channels[request.channel]],
    [t.fields.language, messages.requests.languages[request.language]],
    [t.fields.requester, request.redacted ? none : request.requesterName],
    [t.fields.contact, request.redacted ? none : request.requesterContact],
    ...(request.receivedSigned ? [[t.fields.receivedSigned, t.receivedSignedText] as [string, ReactNode]] : []),
    [
      t.fields.verified,
      request.verifiedOn ? (
        <>
          {format(t.verifiedText, {
            date: formats.date(request.verifiedOn),
            who: request.verifiedBy ?? '—',
            means: request.verifiedMeans ? (messages.requests.verification.means[request.verifiedMeans] ?? '') : '—',
          })}
          {request.verifiedNote && <span className="pre-wrap">{` – ${request.verifiedNote}`}</span>}
        </>
      ) : (
        t.notVerified
      ),
    ],
    [t.fields.body, request.body ? <span className="pre-wrap">{request.body}</span> : t.noBody],
    [
      t.fields.attachments,
      request.attachments.length === 0 ? (
        t.noAttachments
      ) : (
        <ul className="plain-list file-list">
          {request.attachments.map((file) => (
            <li key={file.id}>
              <span>
                {file.fileName} <span className="muted">({fileSize(file.size, language)})</span>
              </span>
              {canWrite && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={format(t.downloadName, { name: file.fileName })}
                  onClick={() => void download(file.id)}
                >
                  {t.download}
                </button>
              )}
            </li>
          ))}
        </ul>
      ),
    ],
  ];

  return (
    <section className="card" aria-labelledby="request-facts-title">
      <h2 id="request-facts-title">{t.factsTitle}</h2>
      {request.redacted && <p className="notice">{t.redacted}</p>}
      <dl className="facts facts--wide">
        {rows.map(([name, value]) => (
          <div key={name} className="facts__row">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

export function SubjectsCard({ request, onChange }: { request: RequestView; onChange: (next: RequestView) => void }) {
  const { messages, format } = useI18n();
  const t = messages.requests.detail;
  const { navigate, canWrite } = useNavigation();
  const [choosing, setChoosing] = useState(false);
  const editable = canWrite && isOpen(request);
  return (
    <section className="card" aria-labelledby="request-subjects-title">
      <h2 id="request-subjects-title">{t.subjectsTitle}</h2>
      {request.subjects.length === 0 ? (
        <p className="notice">{t.noSubjects}</p>
      ) : (
        <ul className="plain-list subject-list">
          {request.subjects.map((subject) => (
            <li key={subject.personId}>
              {subject.name === null ? (
                <span className="muted">{format(t.erasedSubject, { id: subject.personId })}</span>
              ) : (
                <>
                  <a
                    href={`#person-${subject.personId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate({ name: 'person', id: subject.personId });
                    }}
                  >
                    {subject.name}
                  </a>
                  {subject.email && <span className="muted"> · {subject.email}</span>}
                  {subject.restricted && (
                    <>
                      {' '}
                      <RestrictedBadge />
                    </>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <button
          type="button"
          className={request.subjects.length === 0 ? 'button button--primary' : 'button'}
          onClick={() => setChoosing(true)}
        >
          {request.subjects.length === 0 ? t.chooseSubjects : t.changeSubjects}
        </button>
      )}
      {choosing && <SubjectsDialog request={request} onClose={() => setChoosing(false)} onDone={onChange} />}
    </section>
  );
}

function SubjectsDialog({
  request,
  onClose,
  onDone,
}: {
  request: RequestView;
  onClose: () => void;
  onDone: (next: RequestView) => void;
}) {
  const { messages } = useI18n();
  const t = messages.requests.detail;
  const [chosen, setChosen] = useState<ChosenPerson[]>(() =>
    request.subjects
      .filter((subject) => subject.name !== null)
      .map((subject) => ({ personId: subject.personId, name: subject.name!, email: subject.email, phone: null })),
  );
  return (
    <ActionDialog
      title={t.subjectsDialog}
      submitLabel={messages.register.common.save}
      onClose={onClose}
      onSubmit={async () => {
        onDone(await invoke('requests.confirmSubjects', { id: request.id, personIds: chosen.map((c) => c.personId) }));
        return null;
      }}
    >
      {() => (
        <SubjectPicker
          requesterName={request.redacted ? '' : request.requesterName}
          requesterContact={request.redacted ? '' : request.requesterContact}
          chosen={chosen}
          onChange={setChosen}
        />
      )}
    </ActionDialog>
  );
}
