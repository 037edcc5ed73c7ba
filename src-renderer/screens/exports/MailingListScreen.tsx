// Postituslista: who may be contacted through a channel for a purpose today, how many were left
// out and why, and the list as a Mailchimp CSV or as address labels (PDF, A4 3 × 8). Says whether
// the chosen channel needs consent or is allowed until objection (the register's setting).
import { useEffect, useRef, useState } from 'react';
import { invoke } from '../../api';
import type { ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import { channelModesOf } from '../../../src-shared/contract/notice-facts';
import { useChannel } from '../../components/useChannel';
import { messageOnly, useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { downloadBase64 } from '../requests/attachments';

type Channel = ChannelInput<'exports.mailingList'>['channel'];
type Purpose = ChannelInput<'exports.mailingList'>['purpose'];
type Outcome = ChannelOutput<'exports.mailingCount'> & { labels: boolean };

const CHANNELS: Channel[] = ['email', 'sms', 'phone', 'post'];
const PURPOSES: Purpose[] = ['marketing', 'research', 'listing'];

export function MailingListScreen() {
  const { messages, format } = useI18n();
  const t = messages.imports.mailing;
  const [channel, setChannel] = useState<Channel>('email');
  const [purpose, setPurpose] = useState<Purpose>('marketing');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // One call at a time; `counting` says which, so a download does not label the count button.
  const { busy, errors, run } = useSubmit({ toErrors: messageOnly });
  const [counting, setCounting] = useState(false);
  const failure = errors.form;
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const settings = useChannel('notice.settings', {}, []).data;
  const modes = settings ? channelModesOf(settings.profile.notice) : null;

  // Counting makes no list (nothing leaves the register, nothing is audited): one pass in main.
  async function count() {
    setAnnouncement('');
    setCounting(true);
    await run(async () => {
      setOutcome({ ...(await invoke('exports.mailingCount', { channel, purpose })), labels: false });
    });
    setCounting(false);
  }

  // The file is made (and audited) only on download; its counts replace the shown ones.
  async function download(labels: boolean) {
    setAnnouncement('');
    await run(async () => {
      const made = labels
        ? await invoke('exports.labels', {})
        : await invoke('exports.mailingList', { channel, purpose });
      setOutcome({ included: made.included, leftOut: made.leftOut, labels });
      downloadBase64(made.file);
      setAnnouncement(format(t.downloaded, { name: made.file.fileName }));
    });
  }

  const reasons = outcome ? Object.entries(outcome.leftOut.reasons).sort((a, b) => b[1] - a[1]) : [];

  return (
    <main className="page mailing-page" aria-labelledby="mailing-title">
      <h1 id="mailing-title" ref={headingRef} tabIndex={-1}>
        {t.title}
      </h1>
      <p className="muted">{t.intro}</p>
      <section className="card">
        <div className="field">
          <label htmlFor="mailing-channel">{t.channel}</label>
          <select
            id="mailing-channel"
            aria-describedby={modes ? 'mailing-channel-mode' : undefined}
            value={channel}
            onChange={(event) => {
              setChannel(event.target.value as Channel);
              setOutcome(null);
            }}
          >
            {CHANNELS.map((name) => (
              <option key={name} value={name}>
                {t.channels[name]}
              </option>
            ))}
          </select>
          {modes && (
            <p id="mailing-channel-mode" className="field__hint">
              {modes[channel] === 'optOut' ? t.modeOptOut : t.modeOptIn}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="mailing-purpose">{t.purpose}</label>
          <select
            id="mailing-purpose"
            value={purpose}
            onChange={(event) => {
              setPurpose(event.target.value as Purpose);
              setOutcome(null);
            }}
          >
            {PURPOSES.map((name) => (
              <option key={name} value={name}>
                {t.purposes[name]}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void count()}>
            {busy && counting ? t.checking : t.check}
          </button>
        </div>
      </section>

      {failure && (
        <p className="form-alert" role="alert">
          {failure}
        </p>
      )}

      <div role="status" aria-live="polite">
        {outcome && (
          <section className="card mailing-result" aria-labelledby="mailing-result-title">
            <h2 id="mailing-result-title">
              {outcome.labels
                ? `${t.channels.post} · ${t.purposes.listing}`
                : `${t.channels[channel]} · ${t.purposes[purpose]}`}
            </h2>
            <p className="mailing-result__included">
              {outcome.included === 1 ? t.includedOne : format(t.included, { count: outcome.included })}
            </p>
            {outcome.leftOut.total === 0 ? (
              <p>{t.noneLeftOut}</p>
            ) : (
              <>
                <p>{format(t.leftOut, { count: outcome.leftOut.total })}</p>
                <ul className="mailing-reasons">
                  {reasons.map(([reason, number]) => (
                    <li key={reason}>
                      {t.reasons[reason] ?? reason}: {number}
                    </li>
                  ))}
                </ul>
                {reasons.length > 1 && <p className="muted">{t.reasonsNote}</p>}
              </>
            )}
          </section>
        )}
      </div>

      <section className="card">
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={() => void download(false)}>
            {t.downloadCsv}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void download(true)}>
            {t.downloadLabels}
          </button>
        </div>
        <p className="field__hint">{t.labelsOnlyPost}</p>
        <p className="ok" role="status">
          {announcement}
        </p>
      </section>
    </main>
  );
}
