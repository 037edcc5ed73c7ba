export { registerExists, registerFiles, type RegisterFiles } from './files';
export { createRegister, recoverAccess, unlockRegister, type NewOwner } from './open';
export { UnlockedRegister, type RegisterDeps, type SessionUser } from './unlocked';
