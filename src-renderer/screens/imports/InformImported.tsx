// After an import: record at once that the persons it created were told about their registration
// (GDPR Art. 13/14), when the form they signed up on already told them.
import { useState } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { checkForm } from '../../components/checkForm';
import { todayIso, useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import { InformedHowFields, informedHow, OTHER_HOW } from '../person/InformedHowFields';

export function InformImported({ created }: { created: { first: number; last: number } }) {
  const { messages, format } = useI18n();
  const t = messages.imports.informBatch;
  const formats = useFormats();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const count = formats.count(created.last - created.first + 1);
  return (
    <section className="card" aria-labelledby="import-inform-title">
      <h3 id="import-inform-title">{t.title}</h3>
      {done === null ? (
        <>
          <p>{format(t.intro, { count })}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
              {format(t.action, { count })}
            </button>
          </div>
          <p className="muted">{t.later}</p>
        </>
      ) : null}
      <p className="ok" role="status">
        {done === null ? '' : format(t.done, { count: formats.count(done) })}
      </p>
      {open && <InformImportedDialog created={created} onClose={() => setOpen(false)} onDone={setDone} />}
    </section>
  );
}

function InformImportedDialog({
  created,
  onClose,
  onDone,
}: {
  created: { first: number; last: number };
  onClose: () => void;
  onDone: (informed: number) => void;
}) {
  const { messages, language, format } = useI18n();
  const t = messages.imports.informBatch;
  const person = messages.staff.inform;
  const formats = useFormats();
  const [on, setOn] = useState(todayIso());
  const [how, setHow] = useState('form');
  const [otherHow, setOtherHow] = useState('');

  async function submit() {
    const input = { ...created, on, how: informedHow(how, otherHow, t.howOptions) };
    const checked = checkForm(contract['persons.recordImportInformed'].input, input, language, {
      requiredMessage: messages.register.common.required,
    });
    if (!checked.ok)
      return how === OTHER_HOW ? { otherHow: checked.fields['how'] ?? '', ...checked.fields } : checked.fields;
    const { informed } = await invoke('persons.recordImportInformed', input);
    onDone(informed);
    return null;
  }

  return (
    <ActionDialog
      title={t.dialogTitle}
      intro={format(t.dialogIntro, { count: formats.count(created.last - created.first + 1) })}
      submitLabel={person.record}
      codeFields={{ DATE_IN_FUTURE: 'on' }}
      onClose={onClose}
      onSubmit={submit}
    >
      {(errors) => (
        <>
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
