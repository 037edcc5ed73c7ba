// Which screen is showing: first run, login, or the register. Main decides; the renderer follows,
// including when main locks the session on its own (idle, OS lock).
import { useCallback, useEffect, useState } from 'react';
import { invoke, onLocked } from '../api';
import { useI18n } from '../i18n';
import { FirstRunScreen } from '../screens/first-run/FirstRunScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { LoginScreen } from '../screens/login/LoginScreen';
import { reportActivity } from './activity';
import { AppHeader } from './AppHeader';
import type { SessionInfo } from './types';

type View =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'first-run' }
  | { kind: 'login'; lockedNotice: boolean }
  | { kind: 'register'; session: SessionInfo };

export function App() {
  const { messages } = useI18n();
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    invoke('app.status', {})
      .then((status) =>
        setView(
          status.session
            ? { kind: 'register', session: status.session }
            : status.registerExists
              ? { kind: 'login', lockedNotice: false }
              : { kind: 'first-run' },
        ),
      )
      .catch(() => setView({ kind: 'error' }));
  }, []);

  useEffect(
    () =>
      onLocked(() =>
        setView((current) => (current.kind === 'register' ? { kind: 'login', lockedNotice: true } : current)),
      ),
    [],
  );

  const unlocked = view.kind === 'register';
  useEffect(() => (unlocked ? reportActivity() : undefined), [unlocked]);

  const lock = useCallback(() => {
    void invoke('session.lock', {}).finally(() => setView({ kind: 'login', lockedNotice: false }));
  }, []);

  const enter = useCallback((session: SessionInfo) => setView({ kind: 'register', session }), []);

  switch (view.kind) {
    case 'loading':
      return <p className="centered muted">{messages.loading}</p>;
    case 'error':
      return (
        <p className="centered problem" role="alert">
          {messages.unexpected}
        </p>
      );
    case 'first-run':
      return <FirstRunScreen onDone={enter} />;
    case 'login':
      return <LoginScreen onLoggedIn={enter} notice={view.lockedNotice ? messages.login.lockedNotice : undefined} />;
    case 'register':
      return (
        <>
          <AppHeader session={view.session} onLock={lock} />
          <HomeScreen session={view.session} onSessionChange={enter} />
        </>
      );
  }
}
