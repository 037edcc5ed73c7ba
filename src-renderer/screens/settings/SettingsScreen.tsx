// Asetukset: the register's settings the privacy notice is printed from (owner edits, others
// read). The printed notice and its status first, then presets, then one form per section; each
// form saves its own part. Applying a preset replaces the settings, so the forms start afresh.
import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/fi';
import { ChecklistCard } from './ChecklistCard';
import { ControllerForm } from './ControllerForm';
import { DataCategoriesForm, HeadingsForm } from './DataContentForms';
import { NoticeDocuments } from './NoticeDocuments';
import { DerivedFacts } from './DerivedFacts';
import { GroupsForms } from './GroupsForms';
import { CookiesForm, LegalBasesForm, TextsForm } from './NoticeFactsForms';
import { PresetsCard } from './PresetsCard';
import { MarketingChannelsForm } from './MarketingChannelsForm';
import { ProcessorsForm } from './ProcessorsForm';
import { SecurityForm } from './SecurityForm';
import type { NoticeSettings, NoticeStatus } from './types';

/** The page's parts with the id of their heading, for the contents list. */
const PARTS = [
  { id: 'notice-docs-title', label: (m: Messages) => m.settings.notice.title, owner: false },
  { id: 'checklist-title', label: (m: Messages) => m.settings.checklist.title, owner: false },
  { id: 'presets-title', label: (m: Messages) => m.settings.presets.title, owner: true },
  { id: 'profile-title', label: (m: Messages) => m.requests.profile.title, owner: false },
  { id: 'settings-bases-title', label: (m: Messages) => m.settings.sections.bases.legend, owner: false },
  { id: 'settings-processors-title', label: (m: Messages) => m.settings.sections.processors.legend, owner: false },
  { id: 'settings-categories-title', label: (m: Messages) => m.settings.sections.categories.legend, owner: false },
  { id: 'settings-groups-title', label: (m: Messages) => m.settings.groups.title, owner: false },
  { id: 'settings-texts-title', label: (m: Messages) => m.settings.sections.texts.legend, owner: false },
  { id: 'settings-marketing-title', label: (m: Messages) => m.settings.sections.marketing.legend, owner: false },
  { id: 'settings-security-title', label: (m: Messages) => m.settings.sections.security.legend, owner: false },
  { id: 'settings-cookies-title', label: (m: Messages) => m.settings.sections.cookies.legend, owner: false },
  { id: 'settings-headings-title', label: (m: Messages) => m.settings.sections.headings.legend, owner: false },
  { id: 'settings-derived-title', label: (m: Messages) => m.settings.derived.title, owner: false },
];

/** Moves to a part of the page: scrolled into view, its heading focused (so keyboard use goes on from there). */
function goTo(headingId: string) {
  const heading = document.getElementById(headingId);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

export function SettingsScreen({ isOwner, focusController }: { isOwner: boolean; focusController?: boolean }) {
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
    // Opened from "edit the controller details" (dashboard, letters): straight to that form.
    if (loaded && focusController) goTo('profile-title');
    else if (loaded) headingRef.current?.focus();
  }, [loaded, focusController]);

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
        <nav aria-label={t.contents} className="settings-contents">
          <ul>
            {PARTS.filter(
              (part) => (isOwner || !part.owner) && (part.id !== 'checklist-title' || status?.checklist),
            ).map((part) => (
              <li key={part.id}>
                <a
                  href={`#${part.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    goTo(part.id);
                  }}
                >
                  {part.label(messages)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </section>
      <NoticeDocuments status={status} isOwner={isOwner} onWritten={refreshStatus} />
      {status?.checklist && (
        <ChecklistCard
          key={`checklist-${generation}-${status.checklist.presetId}`}
          checklist={status.checklist}
          canEdit={isOwner}
          onChanged={refreshStatus}
        />
      )}
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
      <DataCategoriesForm key={`categories-${generation}`} settings={settings} canEdit={isOwner} onSaved={saved} />
      <GroupsForms key={`groups-${generation}`} settings={settings} canEdit={isOwner} onChanged={refreshStatus} />
      <TextsForm key={`texts-${generation}`} initial={notice} canEdit={isOwner} onSaved={saved} />
      <MarketingChannelsForm key={`marketing-${generation}`} initial={notice} canEdit={isOwner} onSaved={saved} />
      <SecurityForm key={`security-${generation}`} settings={settings} canEdit={isOwner} onSaved={saved} />
      <CookiesForm key={`cookies-${generation}`} initial={notice} canEdit={isOwner} onSaved={saved} />
      <HeadingsForm key={`headings-${generation}`} settings={settings} canEdit={isOwner} onSaved={saved} />
      <DerivedFacts derived={settings.derived} isOwner={isOwner} />
    </main>
  );
}
