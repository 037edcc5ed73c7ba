// Usernames that have logged in on this computer, for the login screen's user picker. The
// keyring holds only hashed usernames, so the picker needs its own short list; it holds usernames
// of staff only (no customer data) and never passwords.
const KEY = 'kaappi.recentUsers';
const MAX = 8;

export function recentUsers(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function rememberUser(username: string): void {
  const next = [username, ...recentUsers().filter((name) => name !== username)].slice(0, MAX);
  localStorage.setItem(KEY, JSON.stringify(next));
}
