// What a backup holds, from its manifest: when it was taken and how many persons, organizations,
// orders… it has, so the owner can tell it is the right one before restoring; versions, the file
// and the technical tables behind a "technical details" toggle.
import type { Ref } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';

type Manifest = NonNullable<ChannelOutput<'backup.chooseRestore'>>;

/** The kinds of record an owner recognises; the rest are technical. */
const MAIN_KINDS = ['persons', 'organizations', 'orders', 'contact_log', 'users'];

export function BackupContents({ manifest, headingRef }: { manifest: Manifest; headingRef?: Ref<HTMLHeadingElement> }) {
  const { messages, language } = useI18n();
  const t = messages.backup.restore;
  const formats = useFormats();
  const number = new Intl.NumberFormat(language === 'fi' ? 'fi-FI' : 'en-GB');
  const count = (kind: string) => number.format(manifest.counts[kind] ?? 0);
  // Known kinds in a fixed order; any kind a newer version adds is still shown, by its key.
  const technical = [
    ...Object.keys(t.counts).filter((kind) => !MAIN_KINDS.includes(kind) && kind in manifest.counts),
    ...Object.keys(manifest.counts).filter((kind) => !(kind in t.counts)),
  ];
  return (
    <section className="backup-contents" aria-labelledby="backup-contents-title">
      <h2 id="backup-contents-title" ref={headingRef} tabIndex={-1}>
        {t.contentsTitle}
      </h2>
      <dl className="facts" data-testid="backup-contents">
        <dt>{t.createdAt}</dt>
        <dd>{formats.dateTime(manifest.createdAt)}</dd>
        {MAIN_KINDS.filter((kind) => kind in manifest.counts).map((kind) => (
          <Row key={kind} label={t.counts[kind] ?? kind} value={count(kind)} />
        ))}
      </dl>
      <details>
        <summary>{t.technical}</summary>
        <dl className="facts" data-testid="backup-technical">
          {technical.map((kind) => (
            <Row key={kind} label={t.counts[kind] ?? kind} value={count(kind)} />
          ))}
          <Row label={t.appVersion} value={manifest.appVersion} />
          <Row label={t.schemaVersion} value={String(manifest.schemaVersion)} />
          <Row label={t.keyVersion} value={String(manifest.keyVersion)} />
          <dt>{t.file}</dt>
          <dd>
            <code>{manifest.file}</code>
          </dd>
        </dl>
      </details>
    </section>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
