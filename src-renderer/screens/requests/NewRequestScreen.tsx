// Recording a request as it arrived: its type, date and channel, who asked and how to reach them,
// its text or a scanned letter, whom in the register it concerns, and how identity was confirmed
// if that was done on receipt.
// Opened from a person's view, that person is chosen and the requester filled in.
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { contract, type ChannelInput } from '../../../src-shared/contract';
import { REQUEST_CHANNELS, REQUEST_TYPES } from '../../../src-shared/vocabulary';
import { invoke } from '../../api';
import { useDraft } from '../../app/resume';
import { DraftNotice } from '../../components/DraftNotice';
import { checkForm, serverErrors } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormError';
import { SelectField, TextAreaField } from '../../components/FormFields';
import { formatPhone } from '../../../src-shared/fields';
import { todayIso } from '../../components/format';
import { PickedFiles } from '../../components/PickedFiles';
import { useNavigation } from '../../components/Navigation';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, readAsBase64, type PickedFile } from './attachments';
import { SubjectPicker, type ChosenPerson } from './SubjectPicker';
import {
  VerificationFields,
  verificationErrors,
  verificationInput,
  type VerificationValues,
} from './VerificationFields';

type Input = ChannelInput<'requests.receive'>;
interface Values {
  type: Input['type'];
  receivedOn: string;
  channel: Input['channel'];
  language: Input['language'];
  requesterName: string;
  requesterContact: string;
  body: string;
}

interface RequestDraft {
  values: Values;
  verification: VerificationValues;
  chosen: ChosenPerson[];
  files: PickedFile[];
}

export function NewRequestScreen({ personId }: { personId?: number | undefined }) {
  const { messages, language, format } = useI18n();
  const t = messages.requests.form;
  const { navigate, back } = useNavigation();
  // Kept in memory across a lock (and leaving the screen) until saved or cancelled.
  const draft = useDraft<RequestDraft>(`request-new:${personId ?? ''}`, () => ({
    values: {
      type: 'access',
      receivedOn: todayIso(),
      channel: 'email',
      language,
      requesterName: '',
      requesterContact: '',
      body: '',
    },
    verification: { means: '', note: '' },
    chosen: [],
    files: [],
  }));
  const { values, verification, chosen, files } = draft.value;
  const setValues = (next: (current: Values) => Values) => draft.set((d) => ({ ...d, values: next(d.values) }));
  const setVerification = (next: VerificationValues) => draft.set((d) => ({ ...d, verification: next }));
  const setChosen = (next: ChosenPerson[]) => draft.set((d) => ({ ...d, chosen: next }));
  const setFiles = (next: (current: PickedFile[]) => PickedFile[]) =>
    draft.set((d) => ({ ...d, files: next(d.files) }));
  const { restored, prefill } = draft;
  const { busy, errors, setErrors, run } = useSubmit({
    toErrors: (error, unexpected) =>
      serverErrors(error, unexpected, {
        codeFields: { DATE_IN_FUTURE: 'receivedOn', VERIFICATION_NOTE_REQUIRED: 'note' },
      }),
  });
  const [failedSaves, setFailedSaves] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (failedSaves > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failedSaves]);

  // From a person's view: that person is the subject, and most likely the one who asked. Not
  // useChannel: the answer only fills in the form once, which the user then edits.
  useEffect(() => {
    if (personId === undefined || restored) return;
    let live = true;
    invoke('persons.get', { id: personId })
      .then(({ person }) => {
        if (!live) return;
        const name = `${person.firstName} ${person.lastName}`;
        prefill((current) => ({
          ...current,
          chosen: [{ personId: person.id, name, email: person.email, phone: person.phone }],
          values: {
            ...current.values,
            language: person.language,
            requesterName: current.values.requesterName || name,
            requesterContact:
              current.values.requesterContact || person.email || (person.phone ? formatPhone(person.phone) : ''),
          },
        }));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [personId, restored, prefill]);

  function set<K extends keyof Values>(field: K, value: Values[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!current.fields[field]) return current;
      const { [field]: _cleared, ...fields } = current.fields;
      // "Check the marked fields" goes with the last marked field.
      return Object.keys(fields).length > 0 ? { ...current, fields } : { fields };
    });
  }

  async function addFiles(event: ChangeEvent<HTMLInputElement>) {
    const picked = [...(event.target.files ?? [])];
    event.target.value = '';
    const problems: string[] = [];
    const read: PickedFile[] = [];
    for (const file of picked) {
      if (files.length + read.length >= MAX_ATTACHMENTS) {
        problems.push(t.tooMany);
        break;
      }
      if (file.size > MAX_ATTACHMENT_BYTES) {
        problems.push(format(t.tooLarge, { name: file.name }));
        continue;
      }
      try {
        read.push(await readAsBase64(file));
      } catch {
        problems.push(format(t.unreadable, { name: file.name }));
      }
    }
    setFiles((current) => [...current, ...read]);
    setErrors((current) => {
      const { attachments: _cleared, ...fields } = current.fields;
      return { ...current, fields: problems.length > 0 ? { ...fields, attachments: problems.join(' ') } : fields };
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const confirmed = verificationInput(verification);
    const input: Input = {
      ...values,
      personIds: chosen.map((person) => person.personId),
      attachments: files.map(({ fileName, mediaType, base64 }) => ({ fileName, mediaType, base64 })),
      ...(confirmed ? { verification: confirmed } : {}),
    };
    const checked = checkForm(contract['requests.receive'].input, input, language, {
      requiredMessage: messages.register.common.required,
      friendly: { receivedOn: messages.register.friendly.date },
    });
    const fields: Record<string, string> = {
      ...(checked.ok ? {} : checked.fields),
      ...verificationErrors(
        verification,
        { meansRequired: '', noteRequired: messages.requests.verification.noteRequired },
        false,
      ),
    };
    if (!fields['receivedOn'] && values.receivedOn > todayIso()) fields['receivedOn'] = t.futureDate;
    if (!checked.ok || Object.keys(fields).length > 0) {
      setErrors({ form: t.errorsTitle, fields });
      setFailedSaves((count) => count + 1);
      return;
    }
    const received = await run(async () => {
      const created = await invoke('requests.receive', checked.value as Input);
      draft.discard();
      navigate({ name: 'request', id: created.id }, { replace: true });
    });
    if (!received) setFailedSaves((count) => count + 1);
  }

  return (
    <main className="page" aria-labelledby="request-form-title">
      <form
        ref={formRef}
        className="card request-form"
        aria-labelledby="request-form-title"
        onSubmit={submit}
        noValidate
        aria-busy={busy}
      >
        <h1 id="request-form-title" ref={headingRef} tabIndex={-1}>
          {t.title}
        </h1>
        <p className="muted">{t.intro}</p>
        {restored && <DraftNotice onStartOver={draft.startOver} />}
        <FormAlert message={errors.form} />

        <fieldset className="form-section">
          <legend>{t.requestLegend}</legend>
          <div className="form-grid">
            <SelectField
              label={t.type}
              value={values.type}
              hint={messages.requests.typeHints[values.type]}
              onChange={(event) => set('type', event.target.value as Values['type'])}
              error={errors.fields['type']}
            >
              {REQUEST_TYPES.map((type) => (
                <option key={type} value={type}>
                  {messages.requests.types[type]}
                </option>
              ))}
            </SelectField>
            <DateField
              label={t.receivedOn}
              name="receivedOn"
              hint={t.receivedOnHint}
              value={values.receivedOn}
              onChange={(value) => set('receivedOn', value)}
              error={errors.fields['receivedOn']}
            />
            <SelectField
              label={t.channel}
              value={values.channel}
              onChange={(event) => set('channel', event.target.value as Values['channel'])}
              error={errors.fields['channel']}
            >
              {REQUEST_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {messages.requests.channels[channel]}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t.language}
              hint={t.languageHint}
              value={values.language}
              onChange={(event) => set('language', event.target.value as Values['language'])}
              error={errors.fields['language']}
            >
              <option value="fi">{messages.requests.languages['fi']}</option>
              <option value="en">{messages.requests.languages['en']}</option>
            </SelectField>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t.requesterLegend}</legend>
          <div className="form-grid">
            <Field
              label={t.requesterName}
              required
              autoComplete="off"
              value={values.requesterName}
              onChange={(event) => set('requesterName', event.target.value)}
              error={errors.fields['requesterName']}
            />
            <Field
              label={t.requesterContact}
              required
              autoComplete="off"
              hint={t.requesterContactHint}
              value={values.requesterContact}
              onChange={(event) => set('requesterContact', event.target.value)}
              error={errors.fields['requesterContact']}
            />
          </div>
          <TextAreaField
            label={t.body}
            hint={t.bodyHint}
            rows={5}
            value={values.body}
            onChange={(event) => set('body', event.target.value)}
            error={errors.fields['body']}
          />
          <AttachmentField
            files={files}
            error={errors.fields['attachments']}
            onAdd={(event) => void addFiles(event)}
            onRemove={(index) => setFiles((current) => current.filter((_, i) => i !== index))}
          />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t.subjectsLegend}</legend>
          <SubjectPicker
            requesterName={values.requesterName}
            requesterContact={values.requesterContact}
            chosen={chosen}
            onChange={setChosen}
          />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t.identityLegend}</legend>
          <p className="muted">{t.identityIntro}</p>
          <VerificationFields
            values={verification}
            onChange={(next) => {
              setVerification(next);
              setErrors((current) => {
                if (!current.fields['note']) return current;
                const { note: _cleared, ...fields } = current.fields;
                return Object.keys(fields).length > 0 ? { ...current, fields } : { fields };
              });
            }}
            errors={errors.fields}
            laterLabel={t.identityLater}
          />
        </fieldset>

        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? messages.register.common.saving : t.save}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              draft.discard();
              back();
            }}
          >
            {messages.register.common.cancel}
          </button>
        </div>
      </form>
    </main>
  );
}

/**
 * The browser's own file input says "No file chosen" in its own language even after a file was
 * added; this one is a button in the UI language with the chosen files listed under it.
 */
function AttachmentField({
  files,
  error,
  onAdd,
  onRemove,
}: {
  files: PickedFile[];
  error: string | undefined;
  onAdd: (event: ChangeEvent<HTMLInputElement>) => void;
  onRemove: (index: number) => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.requests.form;
  const id = useId();
  const full = files.length >= MAX_ATTACHMENTS;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <span id={`${id}-label`} className="field__label">
        {t.attachments}
      </span>
      <label className={`button file-button${full ? ' is-disabled' : ''}`}>
        <input
          type="file"
          multiple
          className="visually-hidden"
          disabled={full}
          aria-labelledby={`${id}-label ${id}-button`}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={onAdd}
        />
        <span id={`${id}-button`}>{t.addFiles}</span>
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t.attachmentsHint}
      </p>
      <PickedFiles
        files={files}
        removeText={t.remove}
        removeLabel={(name) => format(t.removeAttachment, { name })}
        onRemove={onRemove}
      />
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
