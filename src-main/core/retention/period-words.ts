// A retention period in words, in the case a sentence needs: Finnish numerals take the partitive
// ("5 vuotta", but "1 vuosi"), while genitive and illative do not change with the number.
import type { RetentionPeriod } from './period';
import type { Language } from '../../../src-shared/language';

export type PeriodCase = 'nominative' | 'genitive' | 'illative';

const fi: Record<RetentionPeriod['unit'], Record<PeriodCase | 'one', string>> = {
  years: { one: 'vuosi', nominative: 'vuotta', genitive: 'vuoden', illative: 'vuoteen' },
  months: { one: 'kuukausi', nominative: 'kuukautta', genitive: 'kuukauden', illative: 'kuukauteen' },
};
const en: Record<RetentionPeriod['unit'], [string, string]> = { years: ['year', 'years'], months: ['month', 'months'] };

export function periodWords(period: RetentionPeriod, language: Language, form: PeriodCase = 'nominative'): string {
  const { amount, unit } = period;
  if (language === 'en') return `${amount} ${en[unit][amount === 1 ? 0 : 1]}`;
  return `${amount} ${fi[unit][amount === 1 && form === 'nominative' ? 'one' : form]}`;
}
