// The review page: who is due for deletion, by which rule since when, what holds them; the owner
// approves (all or some), postpones with a reason, or adds a hold. The list comes a page at a time
// (the first sweep over an old register can find tens of thousands); "select all" means every
// deletable person, on every page.
import { useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { isoDate } from '../../../src-shared/contract/fields';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Pager, usePage } from '../../components/Pager';
import { todayIso, useFormats } from '../../components/format';
import { useI18n } from '../../i18n';

type Due = ChannelOutput<'retention.due'>[number];
type Hold = Due['holds'][number];

const DUE_PER_PAGE = 50;

export function ReviewList({ due, onChanged }: { due: Due[]; onChanged: () => void }) {
  const { messages, format } = useI18n();
  const t = messages.retention;
  const formats = useFormats();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [postponing, setPostponing] = useState<Due | null>(null);
  const [holding, setHolding] = useState<Due | null>(null);
  const deletable = due.filter((d) => d.holds.length === 0);
  const page = usePage(due, DUE_PER_PAGE);

  const holdText = (hold: Hold) =>
    format(t.holdKinds[hold.kind] ?? hold.kind, {
      until: 'until' in hold ? formats.date(hold.until) : '',
      reason: 'reason' in hold ? hold.reason : '',
    });
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function approve() {
    const outcome = await invoke('retention.approve', { personIds: [...selected] });
    setResult(
      format(t.result, { erased: outcome.erased.length, held: outcome.held.length, notDue: outcome.notDue.length }),
    );
    setSelected(new Set());
    setConfirming(false);
    onChanged();
  }

  const status = (
    <p role="status" className="ok">
      {result ?? ''}
    </p>
  );
  // After approving everyone the list is empty, and the result still shows above it.
  if (due.length === 0)
    return (
      <>
        {status}
        <p className="muted">{t.reviewEmpty}</p>
      </>
    );
  return (
    <>
      {status}
      <div className="button-row">
        <label className="checkbox checkbox--inline">
          <input
            type="checkbox"
            checked={deletable.length > 0 && deletable.every((d) => selected.has(d.personId))}
            onChange={(e) => setSelected(new Set(e.target.checked ? deletable.map((d) => d.personId) : []))}
          />
          {format(t.selectAllCount, { count: formats.count(deletable.length) })}
        </label>
        <button
          type="button"
          className="button button--danger"
          disabled={selected.size === 0}
          onClick={() => setConfirming(true)}
        >
          {format(t.approve, { count: selected.size })}
        </button>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t.selectAll}</span>
            </th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.rule}</th>
            <th scope="col">{t.dueOn}</th>
            <th scope="col">{t.holds}</th>
            <th scope="col">
              <span className="visually-hidden">{t.postpone}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((d) => {
            const name = `${d.firstName} ${d.lastName}`;
            return (
              <tr key={d.personId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={format(t.selectRow, { name })}
                    disabled={d.holds.length > 0}
                    checked={selected.has(d.personId)}
                    onChange={() => toggle(d.personId)}
                  />
                </td>
                <td>{name}</td>
                <td>
                  {t.ruleShort[d.rule]} · {t.actions[d.action]}
                </td>
                <td>{formats.date(d.dueOn)}</td>
                <td>
                  {d.holds.length === 0 ? <span className="muted">{t.noHold}</span> : d.holds.map(holdText).join('; ')}
                </td>
                <td className="row-actions">
                  <button type="button" className="link-button" onClick={() => setPostponing(d)}>
                    {t.postpone}
                  </button>
                  <button type="button" className="link-button" onClick={() => setHolding(d)}>
                    {t.addHold}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pager of={page} total={due.length} label={t.duePages} range={t.dueShown} />
      {confirming && (
        <Dialog title={t.confirmTitle} onClose={() => setConfirming(false)}>
          <p>{format(t.confirmText, { count: selected.size })}</p>
          <div className="button-row">
            <button type="button" className="button button--danger" onClick={() => void approve()}>
              {t.confirm}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {messages.register.common.cancel}
            </button>
          </div>
        </Dialog>
      )}
      {postponing && (
        <HoldDialog due={postponing} kind="postpone" onClose={() => setPostponing(null)} onDone={onChanged} />
      )}
      {holding && <HoldDialog due={holding} kind="hold" onClose={() => setHolding(null)} onDone={onChanged} />}
    </>
  );
}

function HoldDialog({
  due,
  kind,
  onClose,
  onDone,
}: {
  due: Due;
  kind: 'postpone' | 'hold';
  onClose: () => void;
  onDone: () => void;
}) {
  const { messages } = useI18n();
  const t = messages.retention;
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(kind === 'postpone' ? todayIso() : '');
  return (
    <ActionDialog
      title={`${kind === 'postpone' ? t.postponeTitle : t.holdTitle}: ${due.firstName} ${due.lastName}`}
      submitLabel={messages.register.common.save}
      onClose={onClose}
      onSubmit={async () => {
        const fields: Record<string, string> = {};
        if (!reason.trim()) fields['reason'] = messages.register.common.required;
        if (kind === 'postpone' && !until) fields['until'] = messages.register.common.required;
        else if (until && !isoDate.safeParse(until).success) fields['until'] = messages.register.friendly.date;
        if (Object.keys(fields).length > 0) return fields;
        if (kind === 'postpone') await invoke('retention.postpone', { personId: due.personId, until, reason });
        else await invoke('retention.addHold', { personId: due.personId, reason, until: until || null });
        onDone();
        return null;
      }}
    >
      {(errors) => (
        <>
          <Field
            label={kind === 'postpone' ? t.postponeReason : t.holdReason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={errors['reason']}
          />
          <DateField
            label={kind === 'postpone' ? t.postponeUntil : t.holdUntil}
            value={until}
            onChange={setUntil}
            error={errors['until']}
          />
        </>
      )}
    </ActionDialog>
  );
}
