// The review of who is due for deletion, a page at a time from main: approve some or all (all is
// decided in main, on every page), postpone with a reason, or add a hold.
import { useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import { isoDate } from '../../../src-shared/contract/fields';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormError';
import { Pager, type PageOf } from '../../components/Pager';
import { todayIso, useFormats } from '../../components/format';
import { useChannel } from '../../components/useChannel';
import { messageOnly, useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';

type DuePage = ChannelOutput<'retention.duePage'>;
type Due = DuePage['rows'][number];
type Hold = Due['holds'][number];
type Start = NonNullable<ChannelInput<'retention.duePage'>['after']>;

const DUE_PER_PAGE = 50;

/**
 * `whenEmpty` is what an empty review says, or null to show nothing. The screen remounts the list
 * (a new key) when something else on it may have changed who is due: a rule, the sweep.
 */
export function ReviewList({ whenEmpty }: { whenEmpty: string | null }) {
  const { messages, format } = useI18n();
  const t = messages.retention;
  const formats = useFormats();
  const [pageIndex, setPageIndex] = useState(0);
  // Where each page starts: after the last row of the page before it, so that a page far into a
  // long list reads only its own persons. Known for every page up to the one shown.
  const [starts, setStarts] = useState<Array<Start | undefined>>([undefined]);
  const after = starts[pageIndex];
  const read = useChannel(
    'retention.duePage',
    after ? { offset: 0, limit: DUE_PER_PAGE, after } : { offset: pageIndex * DUE_PER_PAGE, limit: DUE_PER_PAGE },
    [pageIndex, after?.dueOn, after?.personId],
  );
  // The counts look at every due person's holds: the page is shown without waiting for them.
  const counted = useChannel('retention.dueCounts', {}, []);
  const counts = counted.data;
  // "Select all" only by counts read since the last change here (approving, a hold): older ones
  // would name persons the owner no longer sees, and main would refuse them.
  const deletable = counted.loading ? null : counts;
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allSelected, setAllSelected] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [postponing, setPostponing] = useState<Due | null>(null);
  const [holding, setHolding] = useState<Due | null>(null);
  const approval = useSubmit({ toErrors: messageOnly });
  // While the next page is read the one shown stays (and the button just pressed keeps focus).
  const [shown, setShown] = useState<DuePage | null>(null);
  if (read.data !== null && read.data !== shown) setShown(read.data);
  const due = read.data ?? (read.error ? null : shown);
  const pages = counts ? Math.max(1, Math.ceil(counts.total / DUE_PER_PAGE)) : null;
  // After approvals the list is shorter: a page past its end moves back, to the last page by the
  // counts, or one page if it came empty before they did (set while rendering, as React allows for
  // state that follows other state, so no empty page stays shown).
  const emptyPage = read.data !== null && read.data.rows.length === 0 && pageIndex > 0;
  const lastPage = Math.min(pages === null ? pageIndex : pages - 1, emptyPage ? pageIndex - 1 : pageIndex);
  if (pageIndex > lastPage) setPageIndex(lastPage);
  const count = allSelected ? (deletable?.deletable ?? 0) : selected.size;

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
  const changed = () => {
    setSelected(new Set());
    setAllSelected(false);
    read.reload();
    counted.reload();
  };

  function approve() {
    setResult(null);
    // Approving persons on other pages (all of them, or some chosen there) moves the pages before
    // this one too: the review starts again from its first page.
    const onThisPage = new Set(due?.rows.map((d) => d.personId));
    const elsewhere = allSelected || [...selected].some((id) => !onThisPage.has(id));
    void approval.run(async () => {
      try {
        const outcome = await invoke(
          'retention.approve',
          allSelected && deletable
            ? { allDeletable: true, asOf: deletable.asOf, fingerprint: deletable.fingerprint }
            : { personIds: [...selected] },
        );
        setResult(
          format(t.result, { erased: outcome.erased.length, held: outcome.held.length, notDue: outcome.notDue.length }),
        );
      } finally {
        // Whether it went through or the list had changed since, show the list as it is now.
        setConfirming(false);
        if (elsewhere) {
          setStarts([undefined]);
          setPageIndex(0);
        }
        changed();
      }
    });
  }

  const status = (
    <p role="status" className="ok">
      {result ?? ''}
    </p>
  );
  const error = read.error ?? counted.error;
  if (error)
    return (
      <p className="form-alert" role="alert">
        {error}
      </p>
    );
  if (!due) return <p className="muted">{messages.loading}</p>;
  // After approving everyone the list is empty, and the result still shows above it. Only an
  // answer for this page says so: one for a page past the end is shown while page 1 is read.
  if (read.data !== null && read.data.rows.length === 0 && pageIndex === 0)
    return whenEmpty === null ? (
      status
    ) : (
      <>
        {status}
        <p className="muted">{whenEmpty}</p>
      </>
    );
  const goTo = (next: number) => {
    if (next === pageIndex + 1) {
      // After this page's last row as main gave it now: not the rows still shown while this page
      // or the one before it is read (a second click, a reload after an approval).
      const last = read.loading ? undefined : read.data?.rows.at(-1);
      if (!last) return;
      setStarts((known) => [...known.slice(0, next), { dueOn: last.dueOn, personId: last.personId }]);
    }
    setPageIndex(next);
  };
  const page: PageOf<Due> = {
    rows: due.rows,
    page: pageIndex,
    pages: pages ?? 1,
    from: pageIndex * DUE_PER_PAGE,
    setPage: goTo,
  };
  return (
    <>
      {status}
      <div className="button-row">
        <label className="checkbox checkbox--inline">
          <input
            type="checkbox"
            checked={allSelected}
            disabled={!deletable || deletable.deletable === 0}
            onChange={(e) => {
              setAllSelected(e.target.checked);
              setSelected(new Set());
            }}
          />
          {deletable ? format(t.selectAllCount, { count: formats.count(deletable.deletable) }) : t.selectAllCounting}
        </label>
        <button
          type="button"
          className="button button--danger"
          disabled={count === 0}
          onClick={() => setConfirming(true)}
        >
          {format(t.approve, { count: formats.count(count) })}
        </button>
      </div>
      <FormAlert message={approval.errors.form} />
      {allSelected && deletable && (
        <p className="muted">
          {deletable.deletable === 1
            ? t.allSelectedOne
            : format(t.allSelected, { count: formats.count(deletable.deletable) })}
        </p>
      )}
      <table className="table" aria-busy={read.loading}>
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
          {due.rows.map((d) => {
            const name = `${d.firstName} ${d.lastName}`;
            const held = d.holds.length > 0;
            return (
              <tr key={d.personId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={format(t.selectRow, { name })}
                    disabled={held || allSelected}
                    checked={!held && (allSelected || selected.has(d.personId))}
                    onChange={() => toggle(d.personId)}
                  />
                </td>
                <td>{name}</td>
                <td>
                  {t.ruleShort[d.rule]} · {t.actions[d.action]}
                </td>
                <td>{formats.date(d.dueOn)}</td>
                <td>{held ? d.holds.map(holdText).join('; ') : <span className="muted">{t.noHold}</span>}</td>
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
      {counts && <Pager of={page} total={counts.total} label={t.duePages} range={t.dueShown} />}
      {confirming && (
        <Dialog title={t.confirmTitle} onClose={() => setConfirming(false)}>
          <p>{format(t.confirmText, { count: formats.count(count) })}</p>
          <div className="button-row">
            <button type="button" className="button button--danger" disabled={approval.busy} onClick={approve}>
              {t.confirm}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {messages.register.common.cancel}
            </button>
          </div>
        </Dialog>
      )}
      {postponing && (
        <HoldDialog due={postponing} kind="postpone" onClose={() => setPostponing(null)} onDone={changed} />
      )}
      {holding && <HoldDialog due={holding} kind="hold" onClose={() => setHolding(null)} onDone={changed} />}
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
