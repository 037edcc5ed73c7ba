// A retention period in the screen's language: "1 vuosi", "6 kuukautta", "1 month", "5 years".
import type { Messages } from '../../i18n/fi';

type RetentionMessages = Messages['retention'];

export function periodText(t: RetentionMessages, period: { amount: number; unit: 'months' | 'years' }): string {
  const words = t.periodWords[period.unit] ?? [];
  return `${period.amount} ${(period.amount === 1 ? words[0] : words[1]) ?? period.unit}`;
}
