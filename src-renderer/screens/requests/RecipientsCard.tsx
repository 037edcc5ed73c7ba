// Those to tell about a rectification, erasure or restriction (GDPR Art. 19): where the data came
// from and whom it was given to, and when each was told. Telling often comes after the request is
// done, so this stays open after completion.
import { useState, type FormEvent } from 'react';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { serverErrors } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { todayIso, useFormats } from '../../components/format';
import { useNavigation } from '../../components/Navigation';
import { useI18n } from '../../i18n';
import type { RequestView } from './parts';

/** The types whose outcome the recipients of the data must hear about. */
export const TELL_RECIPIENTS: ReadonlyArray<RequestView['type']> = ['rectification', 'erasure', 'restriction'];

type Recipient = RequestView['recipients'][number];

export function RecipientsCard({ request, onChange }: { request: RequestView; onChange: (next: RequestView) => void }) {
  const { messages, format } = useI18n();
  const t = messages.requests.recipients;
  const formats = useFormats();
  const { canWrite } = useNavigation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [marking, setMarking] = useState<Recipient | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError(messages.register.common.required);
    try {
      onChange(await invoke('requests.addRecipient', { id: request.id, recipient: name.trim() }));
      setName('');
      setError(undefined);
    } catch (failure) {
      const errors = serverErrors(failure, messages.unexpected);
      setError(errors.fields['recipient'] ?? errors.form);
    }
  }

  return (
    <section className="card" aria-labelledby="recipients-title">
      <h2 id="recipients-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {request.recipients.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.recipient}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {request.recipients.map((recipient) => (
              <tr key={recipient.id}>
                <td>{recipient.recipient}</td>
                <td>
                  {recipient.toldOn ? (
                    format(t.told, { date: formats.date(recipient.toldOn) })
                  ) : (
                    <>
                      <span className="badge badge--due-soon">{t.notTold}</span>
                      {canWrite && (
                        <button
                          type="button"
                          className="link-button recipients__mark"
                          aria-label={format(t.markToldFor, { recipient: recipient.recipient })}
                          onClick={() => setMarking(recipient)}
                        >
                          {t.markTold}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form className="inline-form" onSubmit={add} noValidate>
          <Field
            label={t.addLabel}
            hint={t.addHint}
            value={name}
            maxLength={300}
            onChange={(event) => {
              setName(event.target.value);
              setError(undefined);
            }}
            error={error}
          />
          <button type="submit" className="button">
            {t.add}
          </button>
        </form>
      )}
      {marking && (
        <MarkToldDialog request={request} recipient={marking} onClose={() => setMarking(null)} onDone={onChange} />
      )}
    </section>
  );
}

function MarkToldDialog({
  request,
  recipient,
  onClose,
  onDone,
}: {
  request: RequestView;
  recipient: Recipient;
  onClose: () => void;
  onDone: (next: RequestView) => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.requests.recipients;
  const [toldOn, setToldOn] = useState(todayIso());
  return (
    <ActionDialog
      title={format(t.markToldFor, { recipient: recipient.recipient })}
      submitLabel={t.markTold}
      onClose={onClose}
      onSubmit={async () => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(toldOn)) return { toldOn: messages.register.friendly.date };
        if (toldOn > todayIso()) return { toldOn: messages.requests.form.futureDate };
        onDone(await invoke('requests.markRecipientTold', { id: request.id, recipientId: recipient.id, toldOn }));
        return null;
      }}
    >
      {(errors) => (
        <DateField label={t.toldOn} name="toldOn" value={toldOn} onChange={setToldOn} error={errors['toldOn']} />
      )}
    </ActionDialog>
  );
}
