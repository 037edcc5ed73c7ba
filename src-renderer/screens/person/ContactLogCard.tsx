// The contact and feedback log: what was said, when and through which channel.
import { contract } from '../../../src-shared/contract';
import { CONTACT_CHANNELS, CONTACT_KINDS } from '../../../src-shared/vocabulary';
import { invoke } from '../../api';
import { checkForm } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { SelectField, TextAreaField } from '../../components/FormFields';
import { todayIso, useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import { AddEntry, useEntryForm } from './AddEntry';
import type { CardProps } from './types';

export function ContactLogCard({ detail, reload, editable }: CardProps) {
  const { messages, language } = useI18n();
  const t = messages.register.contactLog;
  const formats = useFormats();
  const form = useEntryForm(() => ({ occurredOn: todayIso(), channel: 'phone', kind: 'contact', summary: '' }));
  const { values, set } = form;

  async function add(): Promise<Record<string, string> | null> {
    const checked = checkForm(contract['contacts.add'].input, { personId: detail.person.id, ...values }, language, {
      requiredMessage: messages.register.common.required,
      friendly: { occurredOn: messages.register.friendly.date },
    });
    if (!checked.ok) return checked.fields;
    await invoke('contacts.add', checked.value);
    await reload();
    return null;
  }

  return (
    <section className="card" aria-labelledby="contacts-log-title" id="contact-log">
      <h2 id="contacts-log-title">{t.title}</h2>
      {detail.contacts.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <ul className="plain-list log-list">
          {detail.contacts.map((entry) => (
            <li key={entry.id}>
              <p className="log-list__head">
                <span className="nowrap">{formats.date(entry.occurredOn)}</span>
                <span className={`badge badge--${entry.kind}`}>{t.kinds[entry.kind]}</span>
                <span className="muted">{t.channels[entry.channel]}</span>
              </p>
              <p className="pre-wrap">{entry.summary}</p>
            </li>
          ))}
        </ul>
      )}
      <AddEntry label={t.add} editable={editable} form={form} onSubmit={add}>
        {(errors) => (
          <>
            <div className="form-grid">
              <DateField
                label={t.date}
                value={values.occurredOn}
                onChange={(value) => form.setValue('occurredOn', value)}
                name="occurredOn"
                error={errors['occurredOn']}
              />
              <SelectField label={t.kind} value={values.kind} onChange={set('kind')} name="kind" error={errors['kind']}>
                {CONTACT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t.kinds[kind]}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t.channel}
                value={values.channel}
                onChange={set('channel')}
                name="channel"
                error={errors['channel']}
              >
                {CONTACT_CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {t.channels[channel]}
                  </option>
                ))}
              </SelectField>
            </div>
            <TextAreaField
              label={t.summary}
              value={values.summary}
              onChange={set('summary')}
              name="summary"
              error={errors['summary']}
              rows={4}
              autoFocus
            />
          </>
        )}
      </AddEntry>
    </section>
  );
}
