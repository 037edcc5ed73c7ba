// The owner's dialogs for one user: add, set a new password (re-keys the register), change the
// role, record the confidentiality agreement, deactivate (re-keys the register). Each checks its
// input with the channel's own schema and says in words what the step does to the register.
import { useState } from 'react';
import { contract, type ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { checkForm } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/FormFields';
import { todayIso } from '../../components/format';
import { NewPasswordFields, newPasswordFormErrors } from '../../components/NewPasswordFields';
import { useI18n } from '../../i18n';

export type UserSummary = ChannelOutput<'users.list'>[number];
export type Role = UserSummary['role'];
const ROLES: Role[] = ['staff', 'readonly', 'owner'];

interface DialogProps {
  onClose: () => void;
  /** Called with the message to announce once the change is done. */
  onDone: (announcement: string) => void;
}

function RoleSelect({ value, onChange, error }: { value: Role; onChange: (role: Role) => void; error?: string }) {
  const { messages } = useI18n();
  const t = messages.staff.users;
  return (
    <>
      <SelectField
        label={t.role}
        name="role"
        value={value}
        onChange={(event) => onChange(event.target.value as Role)}
        error={error}
        hint={t.roleHelp[value]}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {messages.home.roles[role]}
          </option>
        ))}
      </SelectField>
    </>
  );
}

export function AddUserDialog({ onClose, onDone }: DialogProps) {
  const { messages, language, format } = useI18n();
  const t = messages.staff.users;
  const [values, setValues] = useState({
    displayName: '',
    username: '',
    role: 'staff' as Role,
    password: '',
    again: '',
    confidentialitySignedOn: todayIso(),
  });
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  async function submit() {
    const input = {
      displayName: values.displayName,
      username: values.username,
      role: values.role,
      password: values.password,
      confidentialitySignedOn: values.confidentialitySignedOn,
    };
    const checked = checkForm(contract['users.add'].input, input, language, {
      requiredMessage: messages.register.common.required,
    });
    const fields = checked.ok ? {} : checked.fields;
    if (values.password !== values.again) fields['again'] = messages.firstRun.passwordsDiffer;
    if (Object.keys(fields).length > 0) return fields;
    const added = await invoke('users.add', input);
    onDone(format(t.added, { name: added.displayName }));
    return null;
  }

  return (
    <ActionDialog
      title={t.addTitle}
      intro={t.addIntro}
      submitLabel={t.add}
      codeFields={{ DATE_IN_FUTURE: 'confidentialitySignedOn' }}
      onClose={onClose}
      onSubmit={submit}
    >
      {(errors) => (
        <>
          <Field
            label={t.displayName}
            name="displayName"
            autoComplete="off"
            value={values.displayName}
            onChange={set('displayName')}
            error={errors['displayName']}
          />
          <Field
            label={t.username}
            name="username"
            hint={t.usernameHint}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={values.username}
            onChange={set('username')}
            error={errors['username']}
          />
          <RoleSelect
            value={values.role}
            onChange={(role) => setValues((current) => ({ ...current, role }))}
            error={errors['role']}
          />
          <NewPasswordFields
            labels={{ password: t.password, again: t.passwordAgain, hint: t.passwordHint }}
            password={values.password}
            again={values.again}
            onPassword={(password) => setValues((current) => ({ ...current, password }))}
            onAgain={(again) => setValues((current) => ({ ...current, again }))}
            errors={{ password: errors['password'], again: errors['again'] }}
            userInputs={[values.username, values.displayName]}
          />
          <DateField
            label={t.confidentialityDate}
            name="confidentialitySignedOn"
            hint={t.confidentialityHint}
            value={values.confidentialitySignedOn}
            onChange={(value) => setValues((current) => ({ ...current, confidentialitySignedOn: value }))}
            error={errors['confidentialitySignedOn']}
          />
        </>
      )}
    </ActionDialog>
  );
}

export function ResetPasswordDialog({ user, onClose, onDone }: DialogProps & { user: UserSummary }) {
  const { messages, language, format } = useI18n();
  const t = messages.staff.users;
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');

  async function submit() {
    const input = { userId: user.id, newPassword: password };
    const fields = newPasswordFormErrors(contract['users.resetPassword'].input, input, language, {
      password,
      again,
      againField: 'again',
      mismatch: messages.firstRun.passwordsDiffer,
    });
    if (Object.keys(fields).length > 0) return fields;
    await invoke('users.resetPassword', input);
    onDone(format(t.resetDone, { name: user.displayName }));
    return null;
  }

  return (
    <ActionDialog
      title={format(t.resetTitle, { name: user.displayName })}
      intro={t.resetIntro}
      submitLabel={t.resetSubmit}
      onClose={onClose}
      onSubmit={submit}
    >
      {(errors) => (
        <>
          {/* Lets a password manager pair the new password with the right account. */}
          <input type="text" autoComplete="username" value={user.username} readOnly hidden />
          <NewPasswordFields
            labels={{ password: t.newPassword, again: t.newPasswordAgain, hint: t.passwordHint }}
            password={password}
            again={again}
            onPassword={setPassword}
            onAgain={setAgain}
            errors={{ password: errors['newPassword'], again: errors['again'] }}
            userInputs={[user.username, user.displayName]}
          />
        </>
      )}
    </ActionDialog>
  );
}

export function RoleDialog({ user, onClose, onDone }: DialogProps & { user: UserSummary }) {
  const { messages, language, format } = useI18n();
  const t = messages.staff.users;
  const [role, setRole] = useState<Role>(user.role);
  const [signedOn, setSignedOn] = useState(user.confidentialitySignedOn ?? '');
  const needsDate = role !== 'owner' && !user.confidentialitySignedOn;

  async function submit() {
    const input = { userId: user.id, role, ...(needsDate ? { confidentialitySignedOn: signedOn } : {}) };
    const checked = checkForm(contract['users.changeRole'].input, input, language, {
      requiredMessage: messages.register.common.required,
    });
    if (!checked.ok) return checked.fields;
    const changed = await invoke('users.changeRole', input);
    onDone(format(t.roleDone, { name: changed.displayName, role: messages.home.roles[changed.role] }));
    return null;
  }

  return (
    <ActionDialog
      title={format(t.roleTitle, { name: user.displayName })}
      intro={t.roleIntro}
      submitLabel={t.roleSubmit}
      codeFields={{ DATE_IN_FUTURE: 'confidentialitySignedOn' }}
      onClose={onClose}
      onSubmit={submit}
    >
      {(errors) => (
        <>
          <RoleSelect value={role} onChange={setRole} error={errors['role']} />
          {needsDate && (
            <DateField
              label={t.confidentialityDate}
              name="confidentialitySignedOn"
              hint={t.confidentialityHint}
              value={signedOn}
              onChange={setSignedOn}
              error={errors['confidentialitySignedOn']}
            />
          )}
        </>
      )}
    </ActionDialog>
  );
}

export function AgreementDialog({ user, onClose, onDone }: DialogProps & { user: UserSummary }) {
  const { messages, language, format } = useI18n();
  const t = messages.staff.users;
  const [signedOn, setSignedOn] = useState(user.confidentialitySignedOn ?? todayIso());

  async function submit() {
    const input = { userId: user.id, signedOn };
    const checked = checkForm(contract['users.recordConfidentiality'].input, input, language, {
      requiredMessage: messages.register.common.required,
    });
    if (!checked.ok) return checked.fields;
    await invoke('users.recordConfidentiality', input);
    onDone(format(t.agreementDone, { name: user.displayName }));
    return null;
  }

  return (
    <ActionDialog
      title={format(t.agreementTitle, { name: user.displayName })}
      intro={t.confidentialityHint}
      submitLabel={t.agreementSubmit}
      codeFields={{ DATE_IN_FUTURE: 'signedOn' }}
      onClose={onClose}
      onSubmit={submit}
    >
      {(errors) => (
        <DateField
          label={t.confidentialityDate}
          name="signedOn"
          value={signedOn}
          onChange={setSignedOn}
          error={errors['signedOn']}
        />
      )}
    </ActionDialog>
  );
}

export function DeactivateDialog({ user, onClose, onDone }: DialogProps & { user: UserSummary }) {
  const { messages, format } = useI18n();
  const t = messages.staff.users;

  async function submit() {
    await invoke('users.deactivate', { userId: user.id });
    onDone(format(t.deactivateDone, { name: user.displayName }));
    return null;
  }

  return (
    <ActionDialog
      title={format(t.deactivateTitle, { name: user.displayName })}
      submitLabel={t.deactivateSubmit}
      danger
      onClose={onClose}
      onSubmit={submit}
    >
      {() => (
        <>
          <p>{t.deactivateText1}</p>
          <p>{t.deactivateText2}</p>
          <p className="muted">{t.deactivateText3}</p>
        </>
      )}
    </ActionDialog>
  );
}
