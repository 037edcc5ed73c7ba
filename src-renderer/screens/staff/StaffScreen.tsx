// Käyttäjät: the owner's list of everyone with a login, and the steps for each (new password,
// role, confidentiality agreement, deactivation). Main refuses these channels to anyone but the
// owner; the header shows this screen to the owner only.
import { useEffect, useRef, useState } from 'react';
import { useFormats } from '../../components/format';
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import { StaffExportsCard } from './StaffExportsCard';
import {
  AddUserDialog,
  AgreementDialog,
  DeactivateDialog,
  ResetPasswordDialog,
  RoleDialog,
  type UserSummary,
} from './userDialogs';

type Open = { kind: 'add' } | { kind: 'reset' | 'role' | 'agreement' | 'deactivate'; user: UserSummary } | null;

export function StaffScreen({ currentUserId }: { currentUserId: number }) {
  const { messages, format } = useI18n();
  const t = messages.staff.users;
  const formats = useFormats();
  const { data: users, error: failure, reload } = useChannel('users.list', {}, []);
  const [open, setOpenState] = useState<Open>(null);
  // The button that opened a dialog gets focus back when it closes (the dialog unmounts).
  const opener = useRef<HTMLElement | null>(null);
  const setOpen = (next: Open) => {
    if (next) setAnnouncement('');
    if (next) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpenState(next);
    if (!next) window.setTimeout(() => opener.current?.isConnected && opener.current.focus(), 0);
  };
  const [announcement, setAnnouncement] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const done = (message: string) => {
    setAnnouncement(message);
    reload();
  };
  const close = () => setOpen(null);
  const inactive = users?.filter((user) => !user.active) ?? [];
  const shown = users?.filter((user) => user.active || showInactive) ?? [];

  return (
    <main className="page page--wide" aria-labelledby="staff-title">
      <section className="card">
        <div className="page-head">
          <h1 id="staff-title" ref={headingRef} tabIndex={-1}>
            {t.title}
          </h1>
          <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'add' })}>
            {t.add}
          </button>
        </div>
        <p>{t.intro}</p>
        <details className="staff-roles">
          <summary>{t.rolesTitle}</summary>
          <ul>
            <li>{t.roleHelp.owner}</li>
            <li>{t.roleHelp.staff}</li>
            <li>{t.roleHelp.readonly}</li>
          </ul>
        </details>
        <p className="ok announcement" role="status">
          {announcement}
        </p>
        {failure !== null && (
          <p className="form-alert" role="alert">
            {failure}
          </p>
        )}
        {users === null && failure === null && <p className="muted">{messages.loading}</p>}
        {users !== null && (
          <div className="table-scroll">
            <table className="table staff-table" aria-labelledby="staff-title">
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.username}</th>
                  <th scope="col">{t.role}</th>
                  <th scope="col">{t.confidentiality}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((user) => {
                  const self = user.id === currentUserId;
                  const missing = user.role !== 'owner' && !user.confidentialitySignedOn;
                  return (
                    <tr key={user.id} className={user.active ? undefined : 'is-inactive'}>
                      <th scope="row">
                        {user.displayName} {self && <span className="muted">{t.you}</span>}
                      </th>
                      <td>{user.username}</td>
                      <td>{messages.home.roles[user.role]}</td>
                      <td className={missing ? 'problem' : undefined}>
                        {user.confidentialitySignedOn
                          ? formats.date(user.confidentialitySignedOn)
                          : missing
                            ? t.noAgreement
                            : '—'}
                      </td>
                      <td>{user.active ? t.active : t.inactive}</td>
                      <td>
                        {user.active && !self && (
                          <div className="staff-actions">
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => setOpen({ kind: 'reset', user })}
                              aria-label={`${t.reset}: ${user.displayName}`}
                            >
                              {t.reset}
                            </button>
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => setOpen({ kind: 'role', user })}
                              aria-label={`${t.changeRole}: ${user.displayName}`}
                            >
                              {t.changeRole}
                            </button>
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => setOpen({ kind: 'agreement', user })}
                              aria-label={`${t.recordAgreement}: ${user.displayName}`}
                            >
                              {t.recordAgreement}
                            </button>
                            <button
                              type="button"
                              className="button button--small button--danger"
                              onClick={() => setOpen({ kind: 'deactivate', user })}
                              aria-label={`${t.deactivate}: ${user.displayName}`}
                            >
                              {t.deactivate}
                            </button>
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {inactive.length > 0 && (
              <button type="button" className="link-button" onClick={() => setShowInactive((value) => !value)}>
                {showInactive ? t.hideInactive : format(t.showInactive, { count: inactive.length })}
              </button>
            )}
          </div>
        )}
      </section>
      {open?.kind === 'add' && <AddUserDialog onClose={close} onDone={done} />}
      {open?.kind === 'reset' && <ResetPasswordDialog user={open.user} onClose={close} onDone={done} />}
      {open?.kind === 'role' && <RoleDialog user={open.user} onClose={close} onDone={done} />}
      {open?.kind === 'agreement' && <AgreementDialog user={open.user} onClose={close} onDone={done} />}
      {open?.kind === 'deactivate' && <DeactivateDialog user={open.user} onClose={close} onDone={done} />}
      <StaffExportsCard />
    </main>
  );
}
