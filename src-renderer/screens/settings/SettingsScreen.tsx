// Asetukset: the register's settings the privacy notice is printed from (owner edits, others
// read). The printed notice and its status first, then presets, then one form per section; each
// form saves its own part. Applying a preset replaces the settings, so the forms start afresh.
import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';
import { ControllerForm } from './ControllerForm';
import { NoticeDocuments } from './NoticeDocuments';
import { CookiesForm, LegalBasesForm, TextsForm } from './NoticeFactsForms';
import { PresetsCard } from './PresetsCard';
import { ProcessorsForm } from './ProcessorsForm';
import type { NoticeSettings, NoticeStatus } from './types';

export function SettingsScreen({ isOwner }: { isOwner: boolean }) {
  const { messages } = useI18n();
  const t = messages.settings;
  const [settings, setSettings] = useState<NoticeSettings | null>(null);
  const [status, setStatus] = useState<NoticeStatus | null>(null);
  const [failed, setFailed] = useState(false);
  /** Bumped when a preset replaced the settings: the forms remount with the new values. */
  const [generation, setGeneration] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const refreshStatus = useCallback(() => {
    invoke('notice.status', {})
      .then(setStatus)
      .catch(() => setStatus(null));
  }, []);

  useEffect(() => {
    let live = true;
    invoke('notice.settings', {})
      .then((value) => live && setSettings(value))
      .catch(() => live && setFailed(true));
    refreshStatus();
    return () => {
      live = false;
    };
  }, [refreshStatus]);

  const loaded = settings !== null;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (!settings) {
    return (
      <main className="page">
        <p className={failed ? 'form-alert' : 'muted'} role={failed ? 'alert' : 'status'}>
          {failed ? t.loadFailed : messages.loading}
        </p>
      </main>
    );
  }

  const saved = (next: NoticeSettings) => {
    setSettings(next);
    refreshStatus();
  };
  const notice = settings.profile.notice;
  return (
    <main className="page settings-page" aria-labelledby="settings-title">
      <section className="card">
        <h1 id="settings-title" ref={headingRef} tabIndex={-1}>
          {t.title}
        </h1>
        <p className="muted">{t.intro}</p>
        {!isOwner && <p className="notice">{t.ownerOnly}</p>}
      </section>
      <NoticeDocuments status={status} isOwner={isOwner} onWritten={refreshStatus} />
      {isOwner && (
        <PresetsCard
          onApplied={(next) => {
            saved(next);
            setGeneration((count) => count + 1);
          }}
        />
      )}
      <ControllerForm key={`controller-${generation}`} initial={settings.profile} canEdit={isOwner} onSaved={saved} />
      <LegalBasesForm key={`bases-${generation}`} initial={notice} canEdit={isOwner} onSaved={saved} />
      <ProcessorsForm key={`processors-${generation}`} initial={notice} canEdit={isOwner} onSaved={saved} />
      <TextsForm key={`texts-${generation}`} initial={notice} canEdit={isOwner} onSaved={saved} />
      <CookiesForm key={`cookies-${generation}`} initial={notice} canEdit={isOwner} onSaved={saved} />
    </main>
  );
}
