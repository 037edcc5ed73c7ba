import { useLayoutEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useNavigation, type Route } from '../components/Navigation';
import type { SessionInfo } from './types';

type Place = 'home' | 'contacts' | 'requests' | 'retention' | 'backup' | 'settings' | 'staff' | 'audit' | 'account';

/** Which top-level place a screen belongs to, for the header's "you are here". */
function place(route: Route): Place {
  switch (route.name) {
    case 'home':
      return 'home';
    case 'account':
      return 'account';
    case 'register-profile':
    case 'settings':
      return 'settings';
    case 'retention':
      return 'retention';
    case 'backup':
      return 'backup';
    case 'staff':
      return 'staff';
    case 'audit':
      return 'audit';
    case 'requests':
    case 'request':
    case 'request-new':
      return 'requests';
    default:
      return 'contacts';
  }
}

export function AppHeader({ session, onLock }: { session: SessionInfo; onLock: () => void }) {
  const { messages, format } = useI18n();
  const { route, navigate } = useNavigation();
  const current = place(route);
  const headerRef = useRef<HTMLElement>(null);
  // The header is sticky and its height changes as the menu wraps; what sticks below it (the
  // settings' step list) reads the height from --header-height.
  useLayoutEffect(() => {
    const header = headerRef.current;
    if (!header) return undefined;
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`),
    );
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  const t = messages.register.nav;
  // Everyone may read the request inbox; retention (approving deletions) and backups are the
  // owner's, and the registry refuses others anyway.
  // Until a user has replaced the password the owner set, the register is closed to them.
  const places: Exclude<Place, 'account'>[] = session.mustChangePassword
    ? []
    : session.user.role === 'owner'
      ? ['home', 'contacts', 'requests', 'retention', 'backup', 'settings', 'staff', 'audit']
      : ['home', 'contacts', 'requests'];
  return (
    <header className="app-header" ref={headerRef}>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Past the menu to the screen itself (App's #main), without changing the address.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {messages.header.skipToContent}
      </a>
      <p className="brand">{messages.appName}</p>
      {places.length > 0 && (
        <nav className="app-nav" aria-label={t.label}>
          {places.map((name) => (
            <a
              key={name}
              href={`#${name}`}
              className={`app-nav__link${current === name ? ' is-current' : ''}`}
              aria-current={current === name ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate({ name });
              }}
            >
              {name === 'retention'
                ? messages.retention.nav
                : name === 'requests'
                  ? messages.requests.nav
                  : name === 'backup'
                    ? messages.backup.nav
                    : name === 'settings'
                      ? messages.settings.nav
                      : name === 'staff'
                        ? messages.staff.users.nav
                        : name === 'audit'
                          ? messages.staff.audit.nav
                          : t[name]}
            </a>
          ))}
        </nav>
      )}
      <p className="app-header__user">{format(messages.header.signedInAs, { name: session.user.displayName })}</p>
      {!session.mustChangePassword && (
        <a
          href="#account"
          className={`app-header__account${current === 'account' ? ' is-current' : ''}`}
          aria-current={current === 'account' ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            navigate({ name: 'account' });
          }}
        >
          {messages.accountPage.nav}
        </a>
      )}
      <LanguageSwitch />
      <button type="button" className="button button--lock" onClick={onLock} title={messages.header.lockTitle}>
        {messages.header.lock}
      </button>
    </header>
  );
}
