// Changing the register's encryption key on demand, optionally with a new recovery key. The
// confirmation says what happens to older backups; a new recovery key is shown once, in a dialog
// that closes only after the owner confirms it is stored.
import { useState } from 'react';
import { invoke } from '../../api';
import { Dialog } from '../../components/Dialog';
import { RecoveryKeySheet } from '../../components/RecoveryKeySheet';
import { messageOnly, useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';

export function RotateKeyCard({ onRotated }: { onRotated: () => void }) {
  const { messages, format } = useI18n();
  const t = messages.backup.rotate;
  const [newRecoveryKey, setNewRecoveryKey] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { busy, errors, run } = useSubmit({ toErrors: messageOnly });
  const problem = errors.form;
  const [done, setDone] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  async function rotate() {
    setDone(null);
    await run(async () => {
      const result = await invoke('register.rotateKey', { newRecoveryKey });
      setDone(format(t.done, { version: result.keyVersion }));
      setRecoveryKey(result.recoveryKey);
      setNewRecoveryKey(false);
      onRotated();
    });
    setConfirming(false);
  }

  return (
    <section className="card" aria-labelledby="rotate-title">
      <h2 id="rotate-title">{t.title}</h2>
      <p>{t.intro}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={newRecoveryKey}
          onChange={(event) => setNewRecoveryKey(event.target.checked)}
          aria-describedby="rotate-new-key-hint"
        />
        {t.newRecoveryKey}
      </label>
      <p id="rotate-new-key-hint" className="field__hint checkbox__hint">
        {t.newRecoveryKeyHint}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => setConfirming(true)} disabled={busy}>
          {t.start}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {problem && <p className="problem">{problem}</p>}
        {done && <p className="ok">{done}</p>}
      </div>
      {confirming && (
        <Dialog title={t.confirmTitle} onClose={() => !busy && setConfirming(false)}>
          <p>{t.confirmText}</p>
          {newRecoveryKey && <p>{t.confirmNewKey}</p>}
          <p>{t.confirmBackup}</p>
          <div className="button-row" aria-busy={busy}>
            <button type="button" className="button button--primary" onClick={() => void rotate()} disabled={busy}>
              {busy ? t.running : t.confirm}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)} disabled={busy}>
              {messages.register.common.cancel}
            </button>
          </div>
        </Dialog>
      )}
      {recoveryKey && (
        // Escape does not close it: the key is shown only once, so it goes only after the owner
        // has confirmed storing it.
        <Dialog title={t.keyTitle} onClose={() => undefined} className="dialog--recovery">
          <p className="lead">{t.keyIntro}</p>
          <RecoveryKeySheet
            recoveryKey={recoveryKey}
            continueLabel={t.keyContinue}
            onContinue={() => setRecoveryKey(null)}
          />
        </Dialog>
      )}
    </section>
  );
}
