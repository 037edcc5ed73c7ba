// What a screen shows before its record has come: "Loading…", or why it could not be read.
import { useI18n } from '../i18n';

/** `failure`: null while loading; main's message, or '' for the generic "could not be read". */
export function PageLoading({ failure }: { failure: string | null }) {
  const { messages } = useI18n();
  return (
    <main className="page">
      <p className={failure !== null ? 'form-alert' : 'muted'} role={failure !== null ? 'alert' : 'status'}>
        {failure !== null ? failure || messages.register.common.loadFailed : messages.loading}
      </p>
    </main>
  );
}
