// The owner's choice whether staff may take mailing lists and address labels out of the register:
// off until she allows it, saved as soon as it is changed.
import { useState } from 'react';
import { invoke } from '../../api';
import { errorText, useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';

export function StaffExportsCard() {
  const { messages } = useI18n();
  const t = messages.staff.exports;
  const settings = useChannel('settings.get', {}, []);
  const [status, setStatus] = useState('');
  const [changeFailure, setChangeFailure] = useState<string | null>(null);
  const allowed = settings.data?.staffMayExportLists ?? null;
  const failure = changeFailure ?? settings.error;
  const setAllowed = (value: boolean) =>
    settings.setData((current) => current && { ...current, staffMayExportLists: value });

  async function change(next: boolean) {
    setStatus('');
    setChangeFailure(null);
    const before = allowed ?? next;
    setAllowed(next); // the box follows the click at once; a refusal puts it back
    try {
      const saved = await invoke('settings.update', { staffMayExportLists: next });
      setAllowed(saved.staffMayExportLists);
      setStatus(saved.staffMayExportLists ? t.nowAllowed : t.nowRefused);
    } catch (error) {
      setAllowed(before);
      setChangeFailure(errorText(error, messages.unexpected));
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
