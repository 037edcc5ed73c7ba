// Interests (kiinnostus- ja profilointitiedot) as tags.
import { useState, type FormEvent } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { checkForm, serverErrors } from '../../components/checkForm';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n';
import type { CardProps } from './types';

export function InterestsCard({ detail, reload, editable }: CardProps) {
  const { messages, format, language } = useI18n();
  const t = messages.register.interests;
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | undefined>();

  async function add(event: FormEvent) {
    event.preventDefault();
    const input = { ids: [detail.person.id], tag };
    const checked = checkForm(contract['persons.addInterest'].input, input, language, {
      requiredMessage: messages.register.common.required,
    });
    if (!checked.ok) return setError(checked.fields['tag'] ?? Object.values(checked.fields)[0]);
    try {
      await invoke('persons.addInterest', checked.value);
      setTag('');
      setError(undefined);
      await reload();
    } catch (failure) {
      const errors = serverErrors(failure, messages.unexpected);
      setError(errors.form ?? Object.values(errors.fields)[0]);
    }
  }

  async function remove(name: string) {
    try {
      await invoke('persons.removeInterest', { id: detail.person.id, tag: name });
      await reload();
    } catch (failure) {
      setError(serverErrors(failure, messages.unexpected).form);
    }
  }

  return (
    <section className="card" aria-labelledby="interests-title" id="interests">
      <h2 id="interests-title">{t.title}</h2>
      {detail.interests.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <ul className="chips" aria-labelledby="interests-title">
          {detail.interests.map((name) => (
            <li key={name} className="chip">
              {name}
              {editable && (
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={format(t.remove, { tag: name })}
                  onClick={() => void remove(name)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form className="inline-form" onSubmit={add} noValidate>
          <Field
            label={t.tag}
            value={tag}
            onChange={(event) => setTag(event.target.value)}
            error={error}
            maxLength={60}
          />
          <button type="submit" className="button">
            {t.add}
          </button>
        </form>
      )}
    </section>
  );
}
