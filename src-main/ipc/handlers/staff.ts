// The owner's staff management beyond adding and removing: reset a password, change a role,
// record the confidentiality agreement date.
import { changeUserRole, recordConfidentialityAgreement, resetUserPassword } from '../../core/users';
import type { staffChannels } from '../../../src-shared/contract/staff';
import type { HandlersFor } from '../registry';

export const staffHandlers: HandlersFor<keyof typeof staffChannels> = {
  'users.resetPassword': ({ register }, { userId, newPassword }) => resetUserPassword(register, userId, newPassword),
  'users.changeRole': ({ register }, { userId, role, confidentialitySignedOn }) =>
    changeUserRole(register, userId, { role, confidentialitySignedOn }),
  'users.recordConfidentiality': ({ register }, { userId, signedOn }) =>
    recordConfidentialityAgreement(register, userId, signedOn),
};
