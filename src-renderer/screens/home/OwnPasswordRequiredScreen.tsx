// After the owner has reset a user's password, the owner knows it: the user chooses their own
// before anything else. Main refuses every other call meanwhile (PASSWORD_CHANGE_REQUIRED); this
// screen is what the user sees instead of the register.
import { useEffect, useRef } from 'react';
import type { SessionInfo } from '../../app/types';
import { useI18n } from '../../i18n';
import { PasswordCard } from '../account/PasswordCard';

export function OwnPasswordRequiredScreen({ session, onChanged }: { session: SessionInfo; onChanged: () => void }) {
  const { messages, format } = useI18n();
  const t = messages.account.required;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <main className="page" aria-labelledby="own-password-title">
      <h1 id="own-password-title" ref={headingRef} tabIndex={-1}>
        {format(t.title, { name: session.user.displayName })}
      </h1>
      <p>{t.why}</p>
      <PasswordCard session={session} onChanged={onChanged} heading={t.formTitle} intro={t.intro} />
    </main>
  );
}
