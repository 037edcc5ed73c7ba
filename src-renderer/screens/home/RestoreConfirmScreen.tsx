// After a restore the owner decides before anything else: keep the restored register (the one kept
// aside is removed) or undo the restore (it comes back). Main refuses every other call meanwhile
// (RESTORE_CONFIRMATION_REQUIRED) and lets nobody else in; this is what the owner sees instead.
import { useEffect, useRef } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { useFormats } from '../../components/format';
import { FormAlert } from '../../components/FormError';
import { useChannel } from '../../components/useChannel';
import { messageOnly, useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';

type Pending = ChannelOutput<'backup.restorePending'>;

export function RestoreConfirmScreen({ onConfirmed, onUndone }: { onConfirmed: () => void; onUndone: () => void }) {
  const { messages, format } = useI18n();
  const t = messages.backup.confirm;
  const formats = useFormats();
  const read = useChannel('backup.restorePending', {}, []);
  const pending: Pending | null = read.data;
  const { busy, errors, run } = useSubmit({ toErrors: messageOnly });
  const problem = errors.form ?? read.error ?? undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const decide = (channel: 'backup.confirmRestore' | 'backup.undoRestore', done: () => void) =>
    run(async () => {
      await invoke(channel, {});
      done();
    });

  return (
    <main className="page" aria-labelledby="restore-confirm-title">
      <section className="card">
        <h1 id="restore-confirm-title" ref={heading} tabIndex={-1}>
          {t.title}
        </h1>
        <FormAlert message={problem} />
        {pending && (
          <>
            <p>
              {format(t.intro, {
                at: formats.dateTime(pending.at),
                backupAt: formats.dateTime(pending.backupCreatedAt),
              })}
            </p>
            {pending.erasedAgain > 0 && <p>{format(t.erasedAgain, { count: pending.erasedAgain })}</p>}
            {pending.usersRemovedAgain.length > 0 && (
              <p data-testid="users-removed-again">
                {format(messages.backup.restore.usersRemovedAgain, { names: pending.usersRemovedAgain.join(', ') })}
              </p>
            )}
            <p>{t.keep}</p>
            <p>{t.undo}</p>
            <p className="muted">{t.waiting}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void decide('backup.confirmRestore', onConfirmed)}
              >
                {t.confirmButton}
              </button>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void decide('backup.undoRestore', onUndone)}
              >
                {t.undoButton}
              </button>
            </div>
          </>
        )}
      </section>
    </main>
  );
}
