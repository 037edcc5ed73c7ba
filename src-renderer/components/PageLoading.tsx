// What a screen shows before its record has come: "Loading…", or why it could not be read; and
// its heading taking the focus once the record is there.
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';

/** A ref for the screen's heading, focused when `loaded` turns true. */
export function useLoadedHeading(loaded: boolean) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (loaded) ref.current?.focus();
  }, [loaded]);
  return ref;
}

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
