// What a backup holds, from its manifest: when it was taken, by which version, and how many of
// each kind of record, so the owner can tell it is the right one before restoring.
import type { Ref } from 'react';
import type { ChannelOutput } from '../../../src-main/ipc/contract';
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';

type Manifest = NonNullable<ChannelOutput<'backup.chooseRestore'>>;

export function BackupContents({ manifest, headingRef }: { manifest: Manifest; headingRef?: Ref<HTMLHeadingElement> }) {
  const { messages, language } = useI18n();
  const t = messages.backup.restore;
  const formats = useFormats();
  const number = new Intl.NumberFormat(language === 'fi' ? 'fi-FI' : 'en-GB');
  // Known record kinds in a fixed order; any kind a newer version adds is still shown, by its key.
  const kinds = [
    ...Object.keys(t.counts).filter((kind) => kind in manifest.counts),
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
        {kinds.map((kind) => (
          <Row key={kind} label={t.counts[kind] ?? kind} value={number.format(manifest.counts[kind] ?? 0)} />
        ))}
        <dt>{t.appVersion}</dt>
        <dd>{manifest.appVersion}</dd>
        <dt>{t.schemaVersion}</dt>
        <dd>{manifest.schemaVersion}</dd>
        <dt>{t.keyVersion}</dt>
        <dd>{manifest.keyVersion}</dd>
        <dt>{t.file}</dt>
        <dd>
          <code>{manifest.file}</code>
        </dd>
      </dl>
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
