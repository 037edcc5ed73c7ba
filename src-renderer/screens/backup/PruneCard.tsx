// Removing old backups from one folder: first what would go (a dry run in main, by the folder's
// manifests), then a confirmation, then the removal. Only files a manifest names are touched.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { ApiError, invoke } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useFormats } from '../../components/format';
import { useSubmit } from '../../components/useSubmit';
import { SelectField } from '../../components/FormFields';
import { useI18n } from '../../i18n';

type Attempt = ChannelOutput<'backup.list'>[number];
type Plan = ChannelOutput<'backup.prune'>;

/** One choice per folder, by its newest verified backup (main finds the folder from it). */
function foldersOf(attempts: Attempt[]): Attempt[] {
  const seen = new Set<string>();
  return attempts.filter((a) => a.verified && !seen.has(a.folder) && (seen.add(a.folder), true));
}

export function PruneCard({ attempts, keep, onPruned }: { attempts: Attempt[]; keep: number; onPruned: () => void }) {
  const { messages, format } = useI18n();
  const t = messages.backup.prune;
  const listId = useId();
  const formats = useFormats();
  // A file this register wrote is shown with its time; one from elsewhere by its name only.
  const takenAt = useMemo(
    () => new Map(attempts.flatMap((a) => (a.manifestFile ? [[a.manifestFile, a.at] as const] : []))),
    [attempts],
  );
  const folders = useMemo(() => foldersOf(attempts), [attempts]);
  const [backupId, setBackupId] = useState<number | null>(null);
  const chosen = folders.find((f) => f.id === backupId) ?? folders[0] ?? null;
  const [plan, setPlan] = useState<{ folder: string; plan: Plan } | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Main's own words where it has them; "could not be read" for anything unforeseen.
  const { busy, errors, run } = useSubmit({
    toErrors: (error) => ({
      form: error instanceof ApiError && error.code !== 'INTERNAL' ? error.message : t.unreadable,
      fields: {},
    }),
  });
  const problem = errors.form;
  const [done, setDone] = useState<string | null>(null);

  async function preview(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    setDone(null);
    const ok = await run(async () =>
      setPlan({ folder: chosen.folder, plan: await invoke('backup.prune', { backupId: chosen.id, apply: false }) }),
    );
    if (!ok) setPlan(null);
  }

  async function apply() {
    if (!chosen || !plan) return;
    await run(async () => {
      const result = await invoke('backup.prune', { backupId: chosen.id, apply: true });
      setDone(format(t.removed, { count: result.removed.length, kept: result.kept.length }));
      setPlan(null);
      onPruned();
    });
    setConfirming(false);
  }

  return (
    <section className="card" aria-labelledby="prune-title">
      <h2 id="prune-title">{t.title}</h2>
      <p>{format(t.intro, { keep })}</p>
      {folders.length === 0 ? (
        <p className="muted">{t.noFolders}</p>
      ) : (
        <form onSubmit={preview} noValidate aria-busy={busy}>
          <SelectField
            label={t.folder}
            value={chosen?.id ?? ''}
            onChange={(event) => {
              setBackupId(Number(event.target.value));
              setPlan(null);
              setDone(null);
            }}
          >
            {folders.map((f) => (
              <option key={f.id} value={f.id}>
                {f.folder}
              </option>
            ))}
          </SelectField>
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {t.preview}
            </button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite">
        {problem && <p className="problem">{problem}</p>}
        {done && <p className="ok">{done}</p>}
        {plan && plan.plan.removed.length === 0 && (
          <p data-testid="prune-plan">{format(t.nothing, { kept: plan.plan.kept.length })}</p>
        )}
        {plan && plan.plan.removed.length > 0 && (
          <div data-testid="prune-plan">
            <p id={listId}>{format(t.wouldRemove, { count: plan.plan.removed.length, kept: plan.plan.kept.length })}</p>
            <ul className="file-names" aria-labelledby={listId}>
              {plan.plan.removed.map((file) => (
                <li key={file}>
                  {takenAt.has(file) ? (
                    <>
                      {formats.dateTime(takenAt.get(file)!)}{' '}
                      <span className="muted">
                        (<code>{file}</code>)
                      </span>
                    </>
                  ) : (
                    <code>{file}</code>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {plan && plan.plan.removed.length > 0 && (
        <div className="button-row">
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            {format(t.remove, { count: plan.plan.removed.length })}
          </button>
        </div>
      )}
      {confirming && plan && (
        <Dialog title={t.confirmTitle} onClose={() => setConfirming(false)}>
          <p>
            {format(t.confirmText, {
              count: plan.plan.removed.length,
              folder: plan.folder,
              kept: plan.plan.kept.length,
            })}
          </p>
          <div className="button-row">
            <button type="button" className="button button--danger" onClick={() => void apply()} disabled={busy}>
              {t.confirm}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {messages.register.common.cancel}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
