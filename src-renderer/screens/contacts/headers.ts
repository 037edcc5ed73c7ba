// Column headers of the contacts table in the UI language.
import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import type { ColumnId } from './query';

export function useContactHeaders(): Record<ColumnId, string> {
  const t = useI18n().messages.register.fields;
  return useMemo(
    () => ({
      name: t.name,
      organization: t.organization,
      email: t.email,
      phone: t.phone,
      city: t.city2,
      kind: t.kindKey,
      status: t.status,
      lastActivityOn: t.lastActivityOn,
      informedOn: t.informed,
    }),
    [t],
  );
}
