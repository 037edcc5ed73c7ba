// The system dialogs handlers ask for (see Dialogs in the registry): main opens them, attached to
// the app window, so the path a handler writes to is always one the user picked.
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../ipc/registry';
import type { Language } from '../../src-shared/language';

const TITLES = {
  'subject-package': {
    fi: 'Valitse kansio tietopaketille (esim. USB-tikku)',
    en: 'Choose a folder for the data package (e.g. a USB stick)',
  },
  letter: { fi: 'Valitse kansio kirjeelle', en: 'Choose a folder for the letter' },
  backup: {
    fi: 'Valitse kansio varmuuskopiolle (esim. USB-tikku)',
    en: 'Choose a folder for the backup (e.g. a USB stick)',
  },
} as const;
const RESTORE_TITLE = { fi: 'Valitse palautettava varmuuskopio', en: 'Choose the backup to restore' } as const;

export function electronDialogs(window: () => BrowserWindow | null, language: () => Language): Dialogs {
  return {
    async chooseFolder(purpose) {
      const options = {
        title: TITLES[purpose][language()],
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      };
      const owner = window();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseBackup() {
      const options = {
        title: RESTORE_TITLE[language()],
        properties: ['openFile'] as Array<'openFile'>,
        filters: [{ name: 'Kaappi', extensions: ['json'] }],
      };
      const owner = window();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
