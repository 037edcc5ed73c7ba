// Whom a request concerns: main suggests persons by the requester's email, phone and name (and by
// whatever the user searches for); a human ticks the right ones. Ticked persons stay listed even
// when the clues change, so a choice is never lost by typing.
import { useEffect, useId, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';

type Suggestion = ChannelOutput<'requests.suggestSubjects'>[number];
export interface ChosenPerson {
  personId: number;
  name: string;
  email: string | null;
  phone: string | null;
}

/** Reads free text as the clue it looks like: an email, a phone number, or a name. */
export function cluesFrom(text: string, kind: 'contact' | 'any'): ChannelInput<'requests.suggestSubjects'> {
  const trimmed = text.trim();
  const email = /[^\s<>,;:()]+@[^\s<>,;:()]+\.[^\s<>,;:()]+/.exec(trimmed)?.[0];
  if (email) return { email: email.slice(0, 254) };
  if (/^\+?[\d\s()-]{6,}$/.test(trimmed)) return { phone: trimmed.slice(0, 40) };
  return kind === 'any' && trimmed.length >= 2 ? { name: trimmed.slice(0, 200) } : {};
}

const DEBOUNCE_MS = 300;

function useSuggestions(clues: ChannelInput<'requests.suggestSubjects'>): {
  suggestions: Suggestion[];
  busy: boolean;
} {
  const key = JSON.stringify(clues);
  const [result, setResult] = useState<{ key: string; suggestions: Suggestion[] }>({ key: '{}', suggestions: [] });
  // Not useChannel: the search waits until typing pauses.
  useEffect(() => {
    if (key === '{}') return;
    let live = true;
    const timer = window.setTimeout(() => {
      invoke('requests.suggestSubjects', JSON.parse(key) as ChannelInput<'requests.suggestSubjects'>)
        .then((suggestions) => live && setResult({ key, suggestions }))
        .catch(() => live && setResult({ key, suggestions: [] }));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key]);
  if (key === '{}') return { suggestions: [], busy: false };
  return { suggestions: result.key === key ? result.suggestions : [], busy: result.key !== key };
}

function merge(lists: Suggestion[][]): Suggestion[] {
  const byId = new Map<number, Suggestion>();
  for (const suggestion of lists.flat()) {
    const known = byId.get(suggestion.personId);
    byId.set(
      suggestion.personId,
      known ? { ...known, matchedBy: [...new Set([...known.matchedBy, ...suggestion.matchedBy])] } : { ...suggestion },
    );
  }
  return [...byId.values()];
}

export function SubjectPicker({
  requesterName,
  requesterContact,
  chosen,
  onChange,
}: {
  requesterName: string;
  requesterContact: string;
  chosen: ChosenPerson[];
  onChange: (chosen: ChosenPerson[]) => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.requests.form;
  const formats = useFormats();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const fromRequester = useSuggestions({
    ...(requesterName.trim().length >= 2 ? { name: requesterName.trim().slice(0, 200) } : {}),
    ...cluesFrom(requesterContact, 'contact'),
  });
  const fromSearch = useSuggestions(cluesFrom(search, 'any'));
  const suggestions = merge([fromRequester.suggestions, fromSearch.suggestions]);
  const chosenIds = new Set(chosen.map((person) => person.personId));
  const others = suggestions.filter((s) => !chosenIds.has(s.personId));
  const busy = fromRequester.busy || fromSearch.busy;
  const matchOf = new Map(suggestions.map((s) => [s.personId, s.matchedBy]));

  const toggle = (person: ChosenPerson, on: boolean) =>
    onChange(on ? [...chosen, person] : chosen.filter((c) => c.personId !== person.personId));

  const row = (person: ChosenPerson, checked: boolean) => {
    const matched = matchOf.get(person.personId);
    const contact = [person.email, formats.phone(person.phone)].filter(Boolean).join(' · ');
    return (
      <li key={person.personId} className={`subject-option${checked ? ' is-chosen' : ''}`}>
        <label className="checkbox">
          <input type="checkbox" checked={checked} onChange={(event) => toggle(person, event.target.checked)} />
          <span>
            <strong>{person.name}</strong>
            {contact && <span className="muted"> · {contact}</span>}
            {matched && matched.length > 0 && (
              <span className="subject-option__match">
                {format(t.matchedBy, { how: matched.map((how) => t.match[how] ?? how).join(', ') })}
              </span>
            )}
          </span>
        </label>
      </li>
    );
  };

  return (
    <div className="subject-picker">
      <p className="muted">{t.subjectsIntro}</p>
      <div className="field search-field">
        <label htmlFor={searchId}>{t.search}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          maxLength={200}
          autoComplete="off"
          aria-describedby={`${searchId}-hint`}
          onChange={(event) => setSearch(event.target.value)}
        />
        <p id={`${searchId}-hint`} className="field__hint">
          {t.searchHint}
        </p>
      </div>
      <ul className="plain-list subject-options" aria-label={t.subjectsLegend}>
        {chosen.map((person) => row(person, true))}
        {others.map((s) => row({ personId: s.personId, name: s.name, email: s.email, phone: s.phone }, false))}
      </ul>
      <p className="muted" role="status">
        {busy ? t.searching : others.length === 0 && chosen.length === 0 ? t.noSuggestions : ''}
      </p>
      {chosen.length === 0 && !busy && others.length > 0 && <p className="notice">{t.noneChosen}</p>}
    </div>
  );
}
