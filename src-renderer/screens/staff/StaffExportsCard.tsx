// The owner's choice whether staff may take mailing lists and address labels out of the register:
// off until she allows it, saved as soon as it is changed.
import { useEffect, useState } from 'react';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';

export function StaffExportsCard() {
  const { messages } = useI18n();
  const t = messages.staff.exports;
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    invoke('settings.get', {})
      .then((settings) => live && setAllowed(settings.staffMayExportLists))
      .catch((error: unknown) => live && setFailure(error instanceof Error ? error.message : messages.unexpected));
    return () => {
      live = false;
    };
  }, [messages.unexpected]);

  async function change(next: boolean) {
    setStatus('');
    setFailure(null);
    const before = allowed;
    setAllowed(next); // the box follows the click at once; a refusal puts it back
    try {
      const saved = await invoke('settings.update', { staffMayExportLists: next });
      setAllowed(saved.staffMayExportLists);
      setStatus(saved.staffMayExportLists ? t.nowAllowed : t.nowRefused);
    } catch (error) {
      setAllowed(before);
      setFailure(error instanceof Error ? error.message : messages.unexpected);
    }
  }

  return (
    <section className="card" aria-labelledby="staff-exports-title">
      <h2 id="staff-exports-title">{t.title}</h2>
      <p>{t.intro}</p>
      {allowed !== null && (
        <label className="checkbox">
          <input type="checkbox" checked={allowed} onChange={(event) => void change(event.target.checked)} />
          {t.allow}
        </label>
      )}
      <p className="ok" role="status">
        {status}
      </p>
      {failure !== null && (
        <p className="form-alert" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
