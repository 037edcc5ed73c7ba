// An objection: which bans completing it records (as consent events, with the request as evidence).
import { useState, type FormEvent } from 'react';
import { invoke } from '../../api';
import { serverErrors } from '../../components/checkForm';
import { FormAlert } from '../../components/FormError';
import { useI18n } from '../../i18n';
import { DEFAULT_OBJECTION_BANS } from '../../../src-shared/requests/types';
import { isOpen, type RequestView } from './parts';

const BANS = ['ban_direct_marketing', 'ban_profiling', 'ban_research', 'ban_publication'] as const;

export function ObjectionPanel({
  request,
  editable,
  onChange,
}: {
  request: RequestView;
  editable: boolean;
  onChange: (next: RequestView) => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.requests.objection;
  const subjects = messages.register.consents.subjects;
  const current = request.details.bans ?? DEFAULT_OBJECTION_BANS;
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(current));
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const names = (bans: readonly string[]) => bans.map((ban) => subjects[ban] ?? ban).join(', ');

  if (!isOpen(request) || !editable) {
    return (
      <section className="subpanel" aria-labelledby="objection-title">
        <h3 id="objection-title">{t.title}</h3>
        <p>{format(isOpen(request) ? t.chosen : t.recorded, { bans: names(current) })}</p>
      </section>
    );
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const bans = BANS.filter((ban) => chosen.has(ban));
    if (bans.length === 0) return setProblem(t.noneChosen);
    setProblem(undefined);
    try {
      onChange(await invoke('requests.setObjectionBans', { id: request.id, bans }));
      setStatus(t.saved);
    } catch (error) {
      setProblem(serverErrors(error, messages.unexpected).form);
    }
  }

  return (
    <form className="subpanel" aria-labelledby="objection-title" onSubmit={save} noValidate>
      <h3 id="objection-title">{t.title}</h3>
      <p className="muted">{t.intro}</p>
      <FormAlert message={problem} />
      <fieldset className="plain-fieldset">
        <legend className="visually-hidden">{t.legend}</legend>
        {BANS.map((ban) => (
          <label key={ban} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(ban)}
              onChange={(event) => {
                setStatus('');
                setChosen((set) => {
                  const next = new Set(set);
                  if (event.target.checked) next.add(ban);
                  else next.delete(ban);
                  return next;
                });
              }}
            />
            <span>{subjects[ban]}</span>
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button">
          {t.save}
        </button>
        <span role="status" className="ok">
          {status}
        </span>
      </div>
    </form>
  );
}
