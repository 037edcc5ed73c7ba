// The two Electron IPC channel names, kept apart from the contract so the preload bundles no zod.
export const INVOKE_CHANNEL = 'kaappi:invoke';
export const EVENT_CHANNEL = 'kaappi:event';
