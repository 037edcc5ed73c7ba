export { withFileLock } from './file-lock';
