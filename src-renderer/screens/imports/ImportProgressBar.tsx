// How far main has come with a preview or an import: the phase in words and the rows done of all,
// as a bar and as counts. Reading the files has no row count yet, so its bar is indeterminate.
// The counts are not a live region: read out every thousand rows they would drown the screen
// reader; the screen's status line says when the work starts and ends.
import { useEffect, useId, useState } from 'react';
import { onImportProgress, type ImportProgress } from '../../api';
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';

export function ImportProgressBar({ label }: { label: string }) {
  const { messages, format } = useI18n();
  const t = messages.imports;
  const formats = useFormats();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const countsId = useId();

  // Mounted only while a call is under way, so every event heard belongs to it.
  useEffect(() => onImportProgress(setProgress), []);

  const counting = progress !== null && progress.phase !== 'reading';
  const counts = counting
    ? format(t.progressCounts, {
        phase: t.progressPhases[progress.phase]!,
        done: formats.count(progress.done),
        total: formats.count(progress.total),
      })
    : t.progressPhases['reading']!;
  return (
    <div className="import-progress-block">
      <progress
        className="import-progress"
        aria-label={label}
        aria-describedby={countsId}
        {...(counting ? { max: Math.max(progress.total, 1), value: progress.done } : {})}
      />
      <p id={countsId} className="muted import-progress-counts">
        {counts}
      </p>
    </div>
  );
}
