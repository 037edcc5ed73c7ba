// Tells the user a form opened on her unsaved draft (kept across a lock) and lets her start over.
import { useI18n } from '../i18n';

export function DraftNotice({ onStartOver }: { onStartOver: () => void }) {
  const { messages } = useI18n();
  const t = messages.register.personForm;
  return (
    <p className="notice" data-testid="draft-restored">
      {t.draftRestored}{' '}
      <button type="button" className="link-button" onClick={onStartOver}>
        {t.draftStartOver}
      </button>
    </p>
  );
}
