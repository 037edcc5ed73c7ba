// Kind and status of the customer relationship, with passivate / end / activate.
import { useState } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { checkForm } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { todayIso, useFormats } from '../../components/format';
import { useLabel, type Lists } from '../../components/useLists';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../contacts/columns';
import type { CardProps } from './types';

type Change = 'passivate' | 'end' | 'activate';

export function RelationshipCard({ detail, reload, editable, lists }: CardProps & { lists: Lists | null }) {
  const { messages, format, language } = useI18n();
  const t = messages.register;
  const formats = useFormats();
  const label = useLabel();
  const [change, setChange] = useState<Change | null>(null);
  const [on, setOn] = useState(todayIso);
  const p = detail.person;
  const since =
    p.status === 'passive'
      ? p.passivatedOn
      : p.status === 'ended'
        ? (p.endedOn ?? p.statusChangedOn)
        : p.statusChangedOn;

  const dialogs: Record<Change, { title: string; intro: string; submit: string }> = {
    passivate: {
      title: t.relationship.passivateTitle,
      intro: t.relationship.passivateIntro,
      submit: t.relationship.passivate,
    },
    end: { title: t.relationship.endTitle, intro: t.relationship.endIntro, submit: t.relationship.end },
    activate: {
      title: t.relationship.activateTitle,
      intro: t.relationship.activateIntro,
      submit: t.relationship.activate,
    },
  };

  async function apply(kind: Change): Promise<Record<string, string> | null> {
    const options = { requiredMessage: t.common.required, friendly: { on: t.friendly.date } };
    if (kind === 'passivate') {
      const input = { ids: [p.id], on };
      const checked = checkForm(contract['persons.passivate'].input, input, language, options);
      if (!checked.ok) return checked.fields;
      await invoke('persons.passivate', input);
    } else {
      const input = { id: p.id, status: kind === 'end' ? ('ended' as const) : ('active' as const), on };
      const checked = checkForm(contract['persons.setStatus'].input, input, language, options);
      if (!checked.ok) return checked.fields;
      await invoke('persons.setStatus', input);
    }
    await reload();
    return null;
  }

  const open = (kind: Change) => {
    setOn(todayIso());
    setChange(kind);
  };

  return (
    <section className="card" aria-labelledby="relationship-title" id="relationship">
      <h2 id="relationship-title">{t.relationship.title}</h2>
      <dl className="facts">
        <dt>{t.relationship.kind}</dt>
        <dd>
          {label(
            lists?.kinds.find((kind) => kind.key === p.kindKey),
            p.kindKey,
          )}
        </dd>
        <dt>{t.relationship.status}</dt>
        <dd>
          <StatusBadge status={p.status} />{' '}
          <span className="muted">{format(t.statusSince[p.status] ?? '', { date: formats.date(since) })}</span>
        </dd>
        <dt>{t.relationship.lastActivity}</dt>
        <dd>{formats.date(p.lastActivityOn)}</dd>
        <dt>{t.fields.createdAt}</dt>
        <dd>{formats.date(p.createdAt)}</dd>
      </dl>
      {editable && (
        <div className="button-row">
          {p.status === 'active' && (
            <button type="button" className="button" onClick={() => open('passivate')}>
              {t.relationship.passivate}
            </button>
          )}
          {p.status !== 'active' && (
            <button type="button" className="button" onClick={() => open('activate')}>
              {t.relationship.activate}
            </button>
          )}
          {p.status !== 'ended' && (
            <button type="button" className="button button--quiet-danger" onClick={() => open('end')}>
              {t.relationship.end}
            </button>
          )}
        </div>
      )}
      {change && (
        <ActionDialog
          title={dialogs[change].title}
          intro={dialogs[change].intro}
          submitLabel={dialogs[change].submit}
          onClose={() => setChange(null)}
          onSubmit={() => apply(change)}
        >
          {(errors) => (
            <DateField label={t.relationship.on} value={on} onChange={setOn} name="on" error={errors['on']} />
          )}
        </ActionDialog>
      )}
    </section>
  );
}
