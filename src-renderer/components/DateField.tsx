// A date typed the way the user writes it (fi: 15.3.2026), kept as YYYY-MM-DD for the contract.
// Native date inputs show the operating system's format (often mm/dd/yyyy), which confuses here.
import { useState } from 'react';
import { useI18n, type Language } from '../i18n';
import { Field } from './Field';

/** "15.3.2026", "15/3/2026" or "2026-03-15" → "2026-03-15"; anything else is returned as typed. */
export function parseDate(text: string): string {
  const trimmed = text.trim();
  const local = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(trimmed);
  if (local) return `${local[3]}-${local[2]!.padStart(2, '0')}-${local[1]!.padStart(2, '0')}`;
  return trimmed;
}

export function displayDate(iso: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [day, month] = [Number(match[3]), Number(match[2])];
  return language === 'fi' ? `${day}.${month}.${match[1]}` : `${day}/${month}/${match[1]}`;
}

export function DateField({
  label,
  value,
  onChange,
  error,
  hint,
  name,
}: {
  label: string;
  name?: string;
  /** YYYY-MM-DD, '' or whatever unparseable text the user typed. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const { language, messages } = useI18n();
  const [text, setText] = useState(() => displayDate(value, language));
  const [shown, setShown] = useState({ value, language });
  // A new value from outside (a reset, or another language) replaces what is typed.
  if (shown.value !== value || shown.language !== language) {
    setShown({ value, language });
    if (parseDate(text) !== value || shown.language !== language) setText(displayDate(value, language));
  }
  return (
    <Field
      label={label}
      name={name}
      hint={hint ?? messages.register.hints.date}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      className="medium"
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseDate(event.target.value));
      }}
      error={error}
    />
  );
}
