// The settings screen's direct marketing per channel: by consent or until the person objects.
// Email and SMS are shown as fixed, since the law never lets them be opt-out for consumers.
import { useState } from 'react';
import {
  channelModesOf,
  CHANNEL_MODES,
  CONSENT_ONLY_CHANNELS,
  MARKETING_CHANNELS,
} from '../../../src-shared/contract/notice-facts';
import { useI18n } from '../../i18n';
import { saveNoticePart } from './saveNotice';
import { SectionForm } from './SectionForm';
import type { NoticeFacts, NoticeSettings } from './types';

export function MarketingChannelsForm({
  initial,
  canEdit,
  onSaved,
}: {
  initial: NoticeFacts;
  canEdit: boolean;
  onSaved: (settings: NoticeSettings) => void;
}) {
  const { messages, language } = useI18n();
  const t = messages.settings.sections.marketing;
  const [modes, setModes] = useState(() => channelModesOf(initial));
  return (
    <SectionForm
      id="settings-marketing"
      title={t.legend}
      intro={t.intro}
      canEdit={canEdit}
      onSubmit={async () => {
        const result = await saveNoticePart({ marketingChannels: modes }, language, messages.settings.required);
        if (!result.ok) return result.fields;
        onSaved(result.settings);
        return null;
      }}
    >
      {(errors) => (
        <div className="marketing-channels">
          {MARKETING_CHANNELS.map((channel) => {
            const error = errors[`marketingChannels.${channel}`];
            const errorId = `marketing-${channel}-error`;
            if (CONSENT_ONLY_CHANNELS.includes(channel))
              return (
                <div key={channel} className="form-section">
                  <p>
                    <strong>{t.channels[channel]}</strong>
                  </p>
                  <p className="field__hint">{t.consentOnly}</p>
                </div>
              );
            return (
              <fieldset
                key={channel}
                className="choice-group form-section"
                aria-describedby={error ? errorId : undefined}
              >
                <legend>{t.channels[channel]}</legend>
                {CHANNEL_MODES.map((mode) => (
                  <label key={mode} className="choice">
                    <input
                      type="radio"
                      name={`marketingChannels.${channel}`}
                      value={mode}
                      checked={modes[channel] === mode}
                      disabled={!canEdit}
                      aria-invalid={error ? true : undefined}
                      onChange={() => setModes({ ...modes, [channel]: mode })}
                    />{' '}
                    {t[mode]}
                  </label>
                ))}
                {error && (
                  <p id={errorId} className="field__error" role="alert">
                    {error}
                  </p>
                )}
              </fieldset>
            );
          })}
        </div>
      )}
    </SectionForm>
  );
}
