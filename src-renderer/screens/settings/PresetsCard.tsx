// The templates with "Use" and a confirmation that says what applying one changes, and any bad file
// in words. Shared by the settings screen and the first-run setup step's list.
import { useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { errorMessages } from '../../../src-shared/errors/messages';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import type { NoticeSettings } from './types';

export type PresetList = ChannelOutput<'presets.list'>;
export type Preset = PresetList['presets'][number];

export function usePresets(): PresetList | null {
  const read = useChannel('presets.list', {}, []);
  return read.data ?? (read.error ? NO_PRESETS : null);
}

const NO_PRESETS: PresetList = { presets: [], problems: [] };

/** What applying a preset changes, said before it is done. */
export function PresetChanges({
  preset,
  keepsController = true,
}: {
  preset: Preset;
  /** False in the first-run step, where the details typed there are saved after the preset. */
  keepsController?: boolean;
}) {
  const { messages, language } = useI18n();
  const t = messages.settings.presets;
  return (
    <>
      <p>{preset.description[language]}</p>
      <p>{t.confirmIntro}</p>
      <ul>
        {t.changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
      {keepsController && <p className="muted">{t.confirmKeep}</p>}
    </>
  );
}

export function PresetsCard({ onApplied }: { onApplied: (settings: NoticeSettings) => void }) {
  const { messages, language, format } = useI18n();
  const t = messages.settings.presets;
  const list = usePresets();
  const [confirming, setConfirming] = useState<Preset | null>(null);
  const [applied, setApplied] = useState('');

  return (
    <section className="card" aria-labelledby="presets-title" id="settings-presets">
      <h2 id="presets-title" tabIndex={-1}>
        {t.title}
      </h2>
      <p className="muted">{t.intro}</p>
      {list === null ? (
        <p className="muted">{messages.loading}</p>
      ) : list.presets.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ul className="preset-list">
          {list.presets.map((preset) => (
            <li key={preset.id} className="preset">
              <div>
                <h3>{preset.name[language]}</h3>
                <p className="muted">{preset.description[language]}</p>
              </div>
              <button
                type="button"
                className="button"
                aria-label={format(t.applyNamed, { name: preset.name[language] })}
                onClick={() => {
                  setApplied('');
                  setConfirming(preset);
                }}
              >
                {t.apply}
              </button>
            </li>
          ))}
        </ul>
      )}
      {list && list.problems.length > 0 && (
        <div className="notice" data-testid="preset-problems">
          <p>{t.problems}</p>
          <ul>
            {list.problems.map((problem) => (
              <li key={problem.file}>
                {format(errorMessages[language][problem.problem], { file: problem.file, path: problem.path })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="ok announcement" role="status">
        {applied}
      </p>
      {confirming && (
        <ActionDialog
          title={format(t.confirmTitle, { name: confirming.name[language] })}
          submitLabel={t.confirm}
          onClose={() => setConfirming(null)}
          onSubmit={async () => {
            const settings = await invoke('presets.apply', { id: confirming.id });
            setApplied(format(t.applied, { name: confirming.name[language] }));
            onApplied(settings);
            return null;
          }}
        >
          {() => <PresetChanges preset={confirming} />}
        </ActionDialog>
      )}
    </section>
  );
}
