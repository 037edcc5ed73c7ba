// Column filters (status, kind of relationship, data source, interest) and the active filters that
// come from views (e.g. "passive > 4 years"), each removable on its own.
import { useMemo } from 'react';
import { SelectField } from '../../components/FormFields';
import { useLabel, type Lists } from '../../components/useLists';
import { useI18n } from '../../i18n';
import type { PersonFilters } from './query';

const STATUSES = ['active', 'passive', 'ended'] as const;

function single<T extends string>(values: readonly T[] | undefined): string {
  return values?.length === 1 ? values[0]! : '';
}

function withValue(filters: PersonFilters, key: keyof PersonFilters, value: unknown): PersonFilters {
  const next = { ...filters } as Record<string, unknown>;
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next as PersonFilters;
}

export function FilterBar({
  filters,
  lists,
  onChange,
}: {
  filters: PersonFilters;
  lists: Lists | null;
  onChange: (filters: PersonFilters) => void;
}) {
  const { messages, language } = useI18n();
  const t = messages.register;
  const label = useLabel();
  const set = (key: keyof PersonFilters) => (event: { target: { value: string } }) =>
    onChange(withValue(filters, key, event.target.value ? [event.target.value] : undefined));
  const collator = useMemo(() => new Intl.Collator(language), [language]);
  // A saved view's tag stays choosable after the last person with it has lost it.
  const tags = [...new Set([...(lists?.interests ?? []), ...(filters.interest ? [filters.interest] : [])])].sort(
    collator.compare,
  );

  return (
    <div className="filter-bar" role="group" aria-label={t.contacts.filtersLabel}>
      <SelectField label={t.fields.status} value={single(filters.statuses)} onChange={set('statuses')}>
        <option value="">{t.contacts.any}</option>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {t.status[status]}
          </option>
        ))}
      </SelectField>
      <SelectField label={t.fields.kindKey} value={single(filters.kindKeys)} onChange={set('kindKeys')}>
        <option value="">{t.contacts.any}</option>
        {lists?.kinds.map((kind) => (
          <option key={kind.key} value={kind.key}>
            {label(kind)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t.contacts.source} value={single(filters.sourceKeys)} onChange={set('sourceKeys')}>
        <option value="">{t.contacts.any}</option>
        {lists?.sources.map((source) => (
          <option key={source.key} value={source.key}>
            {label(source)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.contacts.interest}
        value={filters.interest ?? ''}
        onChange={(event) => onChange(withValue(filters, 'interest', event.target.value || undefined))}
      >
        <option value="">{t.contacts.any}</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

/** Filters that have no control of their own, shown as removable chips. */
export function ActiveFilters({
  filters,
  onChange,
}: {
  filters: PersonFilters;
  onChange: (filters: PersonFilters) => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.register.contacts;
  const chips: Array<{ key: keyof PersonFilters; name: string }> = [];
  if (filters.passiveForYears !== undefined)
    chips.push({ key: 'passiveForYears', name: format(t.filterPassiveYears, { years: filters.passiveForYears }) });
  if (filters.noConsent) chips.push({ key: 'noConsent', name: t.filterNoConsent });
  if (filters.notInformed) chips.push({ key: 'notInformed', name: t.filterNotInformed });
  if (filters.restricted !== undefined)
    chips.push({ key: 'restricted', name: filters.restricted ? t.filterRestricted : t.filterNotRestricted });
  if (filters.organizationId !== undefined) chips.push({ key: 'organizationId', name: t.filterOrganization });
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label={t.activeFilters}>
      {chips.map((chip) => (
        <li key={chip.key} className="chip">
          {chip.name}
          <button
            type="button"
            className="chip__remove"
            aria-label={format(t.removeFilter, { name: chip.name })}
            onClick={() => onChange(withValue(filters, chip.key, undefined))}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
