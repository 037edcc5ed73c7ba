import { useI18n } from '../i18n';
import { LanguageSwitch } from '../components/LanguageSwitch';
import type { SessionInfo } from './types';

export function AppHeader({ session, onLock }: { session: SessionInfo; onLock: () => void }) {
  const { messages, format } = useI18n();
  return (
    <header className="app-header">
      <p className="brand">{messages.appName}</p>
      <p className="app-header__user">{format(messages.header.signedInAs, { name: session.user.displayName })}</p>
      <LanguageSwitch />
      <button type="button" className="button button--lock" onClick={onLock} title={messages.header.lockTitle}>
        {messages.header.lock}
      </button>
    </header>
  );
}
