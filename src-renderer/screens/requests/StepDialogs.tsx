// The dialogs of a request's steps: confirm identity, extend the deadline, refuse, and mark done
// (which says what will happen for this type before it happens).
import { useState } from 'react';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { DateField } from '../../components/DateField';
import { TextAreaField } from '../../components/FormFields';
import { todayIso, useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import { latestExtensionFor } from '../../../src-shared/requests/deadlines';
import { DEFAULT_OBJECTION_BANS } from '../../../src-shared/requests/types';
import { dayAfter, type RequestView } from './parts';
import { ChangesTable } from './RectificationPanel';
import {
  VerificationFields,
  verificationErrors,
  verificationInput,
  type VerificationValues,
} from './VerificationFields';

export type Step = 'verify' | 'extend' | 'refuse' | 'complete';

interface DialogProps {
  request: RequestView;
  onClose: () => void;
  onDone: (next: RequestView, step: Step) => void;
}

export function StepDialog({ step, ...props }: DialogProps & { step: Step }) {
  switch (step) {
    case 'verify':
      return <VerifyDialog {...props} />;
    case 'extend':
      return <ExtendDialog {...props} />;
    case 'refuse':
      return <RefuseDialog {...props} />;
    case 'complete':
      return <CompleteDialog {...props} />;
  }
}

function VerifyDialog({ request, onClose, onDone }: DialogProps) {
  const { messages } = useI18n();
  const t = messages.requests.verify;
  const [verification, setVerification] = useState<VerificationValues>({ means: '', note: '' });
  return (
    <ActionDialog
      title={t.title}
      intro={t.intro}
      submitLabel={t.submit}
      codeFields={{ VERIFICATION_NOTE_REQUIRED: 'note', VERIFICATION_MEANS_UNKNOWN: 'means' }}
      onClose={onClose}
      onSubmit={async () => {
        const fields = verificationErrors(
          verification,
          { meansRequired: t.meansRequired, noteRequired: messages.requests.verification.noteRequired },
          true,
        );
        const input = verificationInput(verification);
        if (Object.keys(fields).length > 0 || !input) return fields;
        onDone(await invoke('requests.verify', { id: request.id, verification: input }), 'verify');
        return null;
      }}
    >
      {(errors) => <VerificationFields values={verification} onChange={setVerification} errors={errors} />}
    </ActionDialog>
  );
}

function ExtendDialog({ request, onClose, onDone }: DialogProps) {
  const { messages, format } = useI18n();
  const t = messages.requests.extend;
  const formats = useFormats();
  const earliest = dayAfter(request.dueOn);
  const latest = latestExtensionFor(request.receivedOn);
  const [extendedTo, setExtendedTo] = useState(request.extendedTo ?? latest);
  const [reason, setReason] = useState(request.extensionReason ?? '');
  const [toldOn, setToldOn] = useState(request.extensionToldOn ?? todayIso());
  const isoDate = /^\d{4}-\d{2}-\d{2}$/;
  return (
    <ActionDialog
      title={t.title}
      intro={t.intro}
      submitLabel={t.submit}
      onClose={onClose}
      onSubmit={async () => {
        const required = messages.register.common.required;
        const badDate = messages.register.friendly.date;
        const fields: Record<string, string> = {};
        if (!extendedTo) fields['extendedTo'] = required;
        else if (!isoDate.test(extendedTo)) fields['extendedTo'] = badDate;
        else if (extendedTo < earliest || extendedTo > latest)
          fields['extendedTo'] = format(t.range, { earliest: formats.date(earliest), latest: formats.date(latest) });
        if (!reason.trim()) fields['reason'] = required;
        if (!toldOn) fields['toldOn'] = required;
        else if (!isoDate.test(toldOn)) fields['toldOn'] = badDate;
        else if (toldOn > todayIso()) fields['toldOn'] = messages.requests.form.futureDate;
        else if (toldOn < request.receivedOn) fields['toldOn'] = t.toldBeforeReceipt;
        else if (toldOn > request.dueOn) fields['toldOn'] = format(t.toldLate, { date: formats.date(request.dueOn) });
        if (Object.keys(fields).length > 0) return fields;
        onDone(
          await invoke('requests.extend', { id: request.id, extendedTo, reason: reason.trim(), toldOn }),
          'extend',
        );
        return null;
      }}
    >
      {(errors) => (
        <>
          <DateField
            label={t.extendedTo}
            name="extendedTo"
            hint={format(t.extendedToHint, { earliest: formats.date(earliest), latest: formats.date(latest) })}
            value={extendedTo}
            onChange={setExtendedTo}
            error={errors['extendedTo']}
          />
          <TextAreaField
            label={t.reason}
            name="reason"
            hint={t.reasonHint}
            value={reason}
            maxLength={1000}
            onChange={(event) => setReason(event.target.value)}
            error={errors['reason']}
          />
          <DateField
            label={t.toldOn}
            name="toldOn"
            hint={format(t.toldOnHint, { date: formats.date(request.dueOn) })}
            value={toldOn}
            onChange={setToldOn}
            error={errors['toldOn']}
          />
        </>
      )}
    </ActionDialog>
  );
}

function RefuseDialog({ request, onClose, onDone }: DialogProps) {
  const { messages } = useI18n();
  const t = messages.requests.refuse;
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      title={t.title}
      intro={t.intro}
      submitLabel={t.submit}
      onClose={onClose}
      onSubmit={async () => {
        if (!reason.trim()) return { reason: messages.register.common.required };
        onDone(await invoke('requests.refuse', { id: request.id, reason: reason.trim() }), 'refuse');
        return null;
      }}
    >
      {(errors) => (
        <TextAreaField
          label={t.reason}
          name="reason"
          hint={t.reasonHint}
          rows={5}
          value={reason}
          maxLength={4000}
          onChange={(event) => setReason(event.target.value)}
          error={errors['reason']}
        />
      )}
    </ActionDialog>
  );
}

function CompleteDialog({ request, onClose, onDone }: DialogProps) {
  const { messages, format } = useI18n();
  const t = messages.requests.complete;
  const [note, setNote] = useState('');
  const erasure = request.type === 'erasure';
  const bans = (request.details.bans ?? DEFAULT_OBJECTION_BANS)
    .map((ban) => messages.register.consents.subjects[ban] ?? ban)
    .join(', ');
  const living = request.subjects.filter((subject) => subject.name !== null).map((subject) => subject.name);
  return (
    <ActionDialog
      title={t.title}
      submitLabel={erasure ? t.submitErasure : t.submit}
      danger={erasure}
      onClose={onClose}
      onSubmit={async () => {
        const trimmed = note.trim();
        onDone(
          await invoke('requests.complete', { id: request.id, ...(trimmed ? { note: trimmed } : {}) }),
          'complete',
        );
        return null;
      }}
    >
      {(errors) => (
        <>
          <p className={erasure ? 'warning-text' : undefined}>{format(t.effects[request.type] ?? '', { bans })}</p>
          {living.length > 0 && <p className="muted">{format(t.concerns, { names: living.join(', ') })}</p>}
          {request.type === 'rectification' && <ChangesTable changes={request.details.changes ?? []} closed={false} />}
          {!erasure && (
            <TextAreaField
              label={t.note}
              name="note"
              hint={t.noteHint}
              value={note}
              maxLength={4000}
              onChange={(event) => setNote(event.target.value)}
              error={errors['note']}
            />
          )}
        </>
      )}
    </ActionDialog>
  );
}
