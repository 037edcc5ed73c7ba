// Informing the person about their registration (GDPR Art. 13/14): whether, when and how they were
// told, the short text in their language ready to copy, and the record of when and how. Also the
// owner's way to this person's history in the audit log.
import { useId, useRef, useState } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { checkForm } from '../../components/checkForm';
import { todayIso, useFormats } from '../../components/format';
import { useNavigation } from '../../components/Navigation';
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import { InformedHowFields, informedHow, OTHER_HOW } from './InformedHowFields';
import type { CardProps } from './types';

/** Notice facts the information text is built from; without them it has blanks. */
const TEXT_GAPS = ['controller.name', 'controller.contact', 'purposes'];

export function InformCard({ detail, reload }: Omit<CardProps, 'editable'>) {
  const { messages, format } = useI18n();
  const t = messages.staff.inform;
  const formats = useFormats();
  const { navigate, canWrite } = useNavigation();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const isOwner = useChannel('app.status', {}, []).data?.session?.user.role === 'owner';
  const p = detail.person;

  return (
    <section className="card inform-card" aria-labelledby="inform-title" id="inform">
      <h2 id="inform-title">{t.title}</h2>
      <p className={p.informedOn ? undefined : 'problem'}>
        {p.informedOn
          ? format(t.informedOn, { date: formats.date(p.informedOn), how: p.informedHow ?? '—' })
          : t.notInformed}
      </p>
      {!p.informedOn && <p className="muted">{t.intro}</p>}
      <p className="ok announcement" role="status">
        {announcement}
      </p>
      <div className="button-row">
        {canWrite && (
          <button
            type="button"
            className={`button${p.informedOn ? '' : ' button--primary'}`}
            onClick={() => {
              setAnnouncement('');
              setOpen(true);
            }}
          >
            {p.informedOn ? t.again : t.action}
          </button>
        )}
        {isOwner && (
          <a
            href="#audit"
            className="button"
            onClick={(event) => {
              event.preventDefault();
              navigate({ name: 'audit', personId: p.id, personName: `${p.firstName} ${p.lastName}`.trim() });
            }}
          >
            {t.auditLink}
          </a>
        )}
      </div>
      {open && (
        <InformDialog
          personId={p.id}
          onClose={() => setOpen(false)}
          onDone={async () => {
            await reload();
            setAnnouncement(t.recorded);
          }}
        />
      )}
    </section>
  );
}

function InformDialog({
  personId,
  onClose,
  onDone,
}: {
  personId: number;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { messages, language, format } = useI18n();
  const t = messages.staff.inform;
  const { data: text, error: failure } = useChannel('persons.informText', { personId }, [personId]);
  const gaps = useChannel('notice.status', {}, []).data?.gaps ?? [];
  const incomplete = gaps.some((gap) => TEXT_GAPS.includes(gap));
  const [copied, setCopied] = useState('');
  const [on, setOn] = useState(todayIso());
  const [how, setHow] = useState('email');
  const [otherHow, setOtherHow] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const textId = useId();

  async function copy() {
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text.text);
      setCopied(t.copied);
    } catch {
      // No clipboard permission (or none at all): select the text for Ctrl+C instead.
      textRef.current?.focus();
      textRef.current?.select();
      setCopied(t.copyFallback);
    }
  }

  async function submit() {
    const input = { personId, on, how: informedHow(how, otherHow, t.howOptions) };
    const checked = checkForm(contract['persons.recordInformed'].input, input, language, {
      requiredMessage: messages.register.common.required,
    });
    if (!checked.ok)
      return how === OTHER_HOW ? { otherHow: checked.fields['how'] ?? '', ...checked.fields } : checked.fields;
    await invoke('persons.recordInformed', checked.value);
    await onDone();
    return null;
  }

  return (
    <ActionDialog
      title={t.dialogTitle}
      intro={t.textHint}
      submitLabel={t.record}
      codeFields={{ DATE_IN_FUTURE: 'on' }}
      onClose={onClose}
      onSubmit={submit}
    >
      {(errors) => (
        <>
          {failure !== null && (
            <p className="form-alert" role="alert">
              {failure}
            </p>
          )}
          {text === null && failure === null && <p className="muted">{t.loading}</p>}
          {text && incomplete && (
            <p className="notice" role="note">
              {t.gaps}
            </p>
          )}
          {text && (
            <div className="field inform-text">
              <label htmlFor={textId}>
                {format(t.textLabel, { language: t.languages[text.language] ?? text.language })}
              </label>
              <textarea id={textId} ref={textRef} readOnly value={text.text} rows={14} />
              <div className="button-row">
                <button type="button" className="button" onClick={() => void copy()}>
                  {t.copy}
                </button>
                <span className="ok" role="status">
                  {copied}
                </span>
              </div>
            </div>
          )}
          <InformedHowFields
            on={on}
            onOn={setOn}
            how={how}
            onHow={setHow}
            otherHow={otherHow}
            onOtherHow={setOtherHow}
            options={t.howOptions}
            errors={errors}
          />
        </>
      )}
    </ActionDialog>
  );
}
