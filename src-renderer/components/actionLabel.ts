// An audit action in words, wherever the log is shown (dashboard, audit view, person trail):
// the app's shared labels first, then the audit area's, then the person view's.
import type { Messages } from '../i18n/fi';

export function actionLabel(messages: Messages, action: string): string {
  return (
    messages.actions[action] ?? messages.staff.extraActions[action] ?? messages.register.trail.actions[action] ?? action
  );
}
