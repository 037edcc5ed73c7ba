// Actions on the selected rows: passivate, add an interest tag, move to an organization.
import { useState } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { checkForm } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { todayIso } from '../../components/format';
import { OrganizationPicker, type PickedOrganization } from '../../components/OrganizationPicker';
import { useI18n } from '../../i18n';

type Action = 'passivate' | 'tag' | 'move';

export function BulkActions({
  ids,
  onDone,
  onClear,
}: {
  ids: number[];
  onDone: (message: string) => void;
  onClear: () => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.register.bulk;
  const [action, setAction] = useState<Action | null>(null);
  const count = ids.length;
  const close = () => setAction(null);
  const done = (message: string) => {
    setAction(null);
    onDone(message);
  };

  return (
    <div className="bulk-bar" role="region" aria-label={t.label}>
      <p className="bulk-bar__count">{format(t.selected, { count })}</p>
      <button type="button" className="button button--small" onClick={() => setAction('passivate')}>
        {t.passivate}
      </button>
      <button type="button" className="button button--small" onClick={() => setAction('tag')}>
        {t.addInterest}
      </button>
      <button type="button" className="button button--small" onClick={() => setAction('move')}>
        {t.move}
      </button>
      <button type="button" className="link-button" onClick={onClear}>
        {t.clear}
      </button>
      {action === 'passivate' && (
        <PassivateDialog ids={ids} onClose={close} onDone={(n) => done(format(t.donePassivated, { count: n }))} />
      )}
      {action === 'tag' && (
        <TagDialog ids={ids} onClose={close} onDone={(n) => done(format(t.doneTagged, { count: n }))} />
      )}
      {action === 'move' && (
        <MoveDialog
          ids={ids}
          onClose={close}
          onDone={(n, organization) => done(format(t.doneMoved, { count: n, organization }))}
        />
      )}
    </div>
  );
}

interface DialogProps {
  ids: number[];
  onClose: () => void;
}

function PassivateDialog({ ids, onClose, onDone }: DialogProps & { onDone: (count: number) => void }) {
  const { messages, language, format } = useI18n();
  const t = messages.register;
  const [on, setOn] = useState(todayIso);
  return (
    <ActionDialog
      title={format(t.bulk.passivateTitle, { count: ids.length })}
      intro={t.bulk.passivateIntro}
      submitLabel={t.bulk.passivate}
      onClose={onClose}
      onSubmit={async () => {
        const input = { ids, on };
        const checked = checkForm(contract['persons.passivate'].input, input, language, {
          requiredMessage: t.common.required,
          friendly: { on: t.friendly.date },
        });
        if (!checked.ok) return checked.fields;
        onDone((await invoke('persons.passivate', input)).passivated);
        return null;
      }}
    >
      {(errors) => <DateField label={t.relationship.on} value={on} onChange={setOn} name="on" error={errors['on']} />}
    </ActionDialog>
  );
}

function TagDialog({ ids, onClose, onDone }: DialogProps & { onDone: (count: number) => void }) {
  const { messages, language, format } = useI18n();
  const t = messages.register;
  const [tag, setTag] = useState('');
  return (
    <ActionDialog
      title={format(t.bulk.addInterestTitle, { count: ids.length })}
      submitLabel={t.bulk.addInterest}
      onClose={onClose}
      onSubmit={async () => {
        const input = { ids, tag };
        const checked = checkForm(contract['persons.addInterest'].input, input, language, {
          requiredMessage: t.common.required,
        });
        if (!checked.ok) return checked.fields;
        await invoke('persons.addInterest', input);
        onDone(ids.length);
        return null;
      }}
    >
      {(errors) => (
        <Field
          label={t.bulk.tag}
          hint={t.bulk.tagHint}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          name="tag"
          error={errors['tag']}
          autoFocus
          maxLength={60}
        />
      )}
    </ActionDialog>
  );
}

function MoveDialog({ ids, onClose, onDone }: DialogProps & { onDone: (count: number, organization: string) => void }) {
  const { messages, language, format } = useI18n();
  const t = messages.register;
  const [organization, setOrganization] = useState<PickedOrganization | null>(null);
  const [title, setTitle] = useState('');
  const [on, setOn] = useState(todayIso);
  return (
    <ActionDialog
      title={format(t.bulk.moveTitle, { count: ids.length })}
      intro={t.bulk.moveIntro}
      submitLabel={t.bulk.move}
      onClose={onClose}
      onSubmit={async () => {
        if (!organization) return { organizationId: t.picker.required };
        const input = { ids, organizationId: organization.id, title, on };
        const checked = checkForm(contract['persons.move'].input, input, language, {
          requiredMessage: t.common.required,
          friendly: { on: t.friendly.date },
        });
        if (!checked.ok) return checked.fields;
        onDone((await invoke('persons.move', input)).moved, organization.name);
        return null;
      }}
    >
      {(errors) => (
        <>
          <OrganizationPicker
            value={organization}
            onChange={setOrganization}
            name="organizationId"
            error={errors['organizationId']}
            autoFocus
          />
          <Field
            label={t.employment.titleField}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            name="title"
            error={errors['title']}
          />
          <DateField label={t.employment.on} value={on} onChange={setOn} name="on" error={errors['on']} />
        </>
      )}
    </ActionDialog>
  );
}
