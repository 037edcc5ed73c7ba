// What the notice takes from the register itself rather than from these settings: whose data it
// holds (relationship kinds), the data categories (declared, always recorded, custom fields, in
// use), the data sources and the retention periods from the active retention rules. Read-only
// here; each is changed where it lives (the retention rules on their own screen).
import { useNavigation } from '../../components/Navigation';
import { useI18n } from '../../i18n';
import type { NoticeSettings } from './types';

export function DerivedFacts({ derived, isOwner }: { derived: NoticeSettings['derived']; isOwner: boolean }) {
  const { messages, language } = useI18n();
  const t = messages.settings.derived;
  const { navigate } = useNavigation();
  const list = (items: string[]) =>
    items.length === 0 ? (
      <p className="muted">{t.none}</p>
    ) : (
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  return (
    <section className="card" aria-labelledby="settings-derived-title" id="settings-derived">
      <h2 id="settings-derived-title" tabIndex={-1}>
        {t.title}
      </h2>
      <p className="muted">{t.intro}</p>
      <h3>{t.subjectKinds}</h3>
      {list(derived.subjectKinds.map((kind) => kind.label[language]))}
      <h3>{t.categories}</h3>
      {list(derived.categories.map((category) => category.label[language]))}
      <h3>{t.sources}</h3>
      {list(derived.sources.map((source) => source.label[language]))}
      <h3>{t.retention}</h3>
      {list(derived.retention[language])}
      {isOwner && (
        <button type="button" className="button" onClick={() => navigate({ name: 'retention' })}>
          {t.openRetention}
        </button>
      )}
    </section>
  );
}
