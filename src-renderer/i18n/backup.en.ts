// English strings of backups. Typed against the Finnish ones, so a missing key does not compile.
import type { backupFi } from './backup.fi';
import type { Widen } from './fi';

export const backupEn: Widen<typeof backupFi> = {
  nav: 'Backups',
  title: 'Backups',
  intro:
    'A backup is an encrypted copy of the register, for example on a USB stick. It opens only with a password or the recovery key. Keep the stick locked away, apart from the computer.',
  age: {
    none: 'No backup has been taken yet.',
    today: 'Last verified backup today ({date}).',
    yesterday: 'Last verified backup yesterday ({date}).',
    days: 'Last verified backup {days} days ago ({date}).',
  },
  reminderBadge: 'Reminder',
  reminderNone:
    'Take a backup now. If the computer breaks or is lost, the register cannot be brought back without one.',
  reminderOld:
    'The backup is out of date: by your setting, a new one is taken every {days} days. Take one now, so that changes made since are not lost if the computer breaks.',
  reminderOldOne:
    'The backup is out of date: by your setting, a new one is taken every day. Take one now, so that changes made since are not lost if the computer breaks.',
  reminderStaffNone: 'There is no backup of the register. The owner takes backups: remind them.',
  reminderStaffOld: 'The backup is out of date. The owner of the register takes a new one: remind them.',
  lastFailed: 'The last backup failed: {reason}',
  open: 'Open backups',
  now: {
    button: 'Back up now',
    running: 'Backing up… (writing and verifying the copy)',
    hint: 'Next, choose a folder, for example a USB stick.',
    runningHint: 'You can go on with other work meanwhile. The result shows here and on the backups page.',
    cancelled: 'No folder was chosen. Nothing was written.',
    done: 'The backup was written and verified.',
    notVerified: 'The backup was written but did not pass verification. It does not count as a backup.',
    folder: 'Folder',
    file: 'File',
    size: 'Size',
    verified: 'Verification',
    verifiedText: 'The copy was opened again and its contents match the register.',
  },
  failures: {
    BACKUP_INVALID:
      'the copy did not pass verification (writing was interrupted or the copy did not match the register). Try again or use another USB stick.',
    INTERNAL:
      'the folder could not be written to. Check that the USB stick is plugged in, writable and has free space.',
    BACKUP_FOLDER_UNAVAILABLE:
      'the folder is not there. Check that the USB stick is plugged in, and choose the folder again.',
  },
  list: {
    title: 'Backups taken',
    empty: 'No backups have been taken yet.',
    verified: 'Verified',
    failed: 'Failed',
    folder: 'Folder',
    file: 'File',
    size: 'Size',
    keyVersion: 'Encryption key',
    keyVersionValue: 'version {version}',
    opensWith: 'Keys',
    reason: 'Reason',
    opensCurrentUsers: 'Opens with the recovery key and with these users’ passwords of that time: {users}.',
    opensCurrent: 'Opens with the recovery key.',
    opensOldUsers:
      'Opens only with the recovery key of that time (not the current one) and with these users’ passwords of that time: {users}.',
    opensOld: 'Opens only with the recovery key of that time (not the current one).',
    passwordsNote:
      'A backup opens with the passwords users had when it was taken, even if they have changed them since. Only the owner can restore.',
  },
  settings: {
    title: 'Reminder and backups kept',
    reminderDays: 'Remind when the last backup is this old (days)',
    reminderHint: '1–90 days. The reminder shows on the home page for every user.',
    keep: 'Keep this many of the newest backups in a folder',
    keepHint: '1–100. Older ones are removed only when you ask below.',
    saved: 'Saved.',
  },
  prune: {
    title: 'Remove old backups',
    intro:
      'Kaappi removes the oldest backups from the chosen folder and keeps the newest {keep}. Other files in the folder are not touched. The folder must be available (USB stick plugged in).',
    noFolders: 'Nothing to remove: no verified backup has been taken yet.',
    folder: 'Folder',
    preview: 'Show what would be removed',
    nothing: 'Backups in the folder: {kept}, no more than are kept. Nothing needs to be removed.',
    wouldRemove: 'These old backups would be removed ({count}). The newest remain in the folder ({kept}).',
    remove: 'Remove old backups ({count})',
    confirmTitle: 'Remove the old backups?',
    confirmText:
      'The old backups ({count}) will be removed permanently from {folder}. The register can no longer be restored from them. The newest remain ({kept}).',
    confirm: 'Remove permanently',
    removed: 'Old backups removed: {count}. Remaining in the folder: {kept}.',
    unreadable: 'The folder could not be read. Check that the USB stick is plugged in and try again.',
  },
  rotate: {
    title: 'Change the encryption key',
    intro:
      'The register is encrypted with a new key. Do this for example if you suspect that a password or a backup has fallen into the wrong hands.',
    newRecoveryKey: 'Also create a new recovery key',
    newRecoveryKeyHint: 'The old recovery key then no longer opens the register. The new key is shown only once.',
    start: 'Change the encryption key…',
    confirmTitle: 'Change the encryption key?',
    confirmText:
      'The register is encrypted with a new key. Users’ passwords stay the same. Earlier backups do not change: they keep opening with the passwords and the recovery key that were valid when they were taken.',
    confirmNewKey:
      'You get a new recovery key, shown only once. Keep the old recovery key too, as long as you keep backups made with it.',
    confirmBackup: 'Take a new backup after the change.',
    confirm: 'Change the encryption key',
    running: 'Changing…',
    done: 'The encryption key was changed (version {version}). Take a new backup now.',
    keyTitle: 'New recovery key',
    keyIntro:
      'This new key opens the register if the password is forgotten. It is shown only this once. Print it or write it on paper. The old recovery key now opens only the old backups.',
    keyContinue: 'Close',
  },
  restore: {
    link: 'Restore from a backup',
    firstRunLink: 'Already have a backup? Restore the register from it',
    backToFirstRun: 'Back to creating a new register',
    title: 'Restore from a backup',
    intro:
      'Choose the backup’s file (ending in .manifest.json), for example on a USB stick. You see first what it contains; nothing changes until you confirm the restore.',
    choose: 'Choose a backup…',
    choosing: 'Opening the file dialog…',
    cancelled: 'No file was chosen.',
    contentsTitle: 'What the backup contains',
    createdAt: 'Taken',
    appVersion: 'Kaappi version',
    schemaVersion: 'Database version',
    keyVersion: 'Encryption key version',
    file: 'File',
    technical: 'Technical details',
    counts: {
      persons: 'Persons',
      organizations: 'Organizations',
      employments: 'Employments',
      consent_events: 'Consent and ban entries',
      orders: 'Orders',
      contact_log: 'Contacts',
      users: 'Users',
      audit_log: 'Activity log entries',
      tombstones: 'Deletion markers (no personal data)',
    },
    chooseOther: 'Choose another backup',
    openWith: 'Open the backup',
    withPassword: 'With a password',
    withRecoveryKey: 'With the recovery key',
    credentialsHint:
      'Use the password the owner had when the backup was taken, or the recovery key that was valid then.',
    username: 'Username (from the time of the backup)',
    password: 'Password (from the time of the backup)',
    recoveryKey: 'Recovery key (from the time of the backup)',
    ownerOnly: 'Only the register’s owner can restore a backup. Enter the owner’s username and password.',
    loginNotice: 'The register was restored from a backup. Log in with the password of the time of the backup.',
    replaceNote:
      'Restoring replaces the register on this computer. The current register is kept as a separate file until you confirm the restore by logging in.',
    submit: 'Restore the register',
    submitting: 'Restoring… (checking and opening the copy)',
    back: 'Back to login',
    doneTitle: 'Register restored',
    done: 'The register was restored from the backup and verified.',
    erasedNone: 'Nobody had been erased since the backup was taken, so nobody needed to be erased again.',
    erasedOne:
      '1 person was erased again at once, because they had been erased from the register after the backup was taken.',
    erasedMany:
      '{count} persons were erased again at once, because they had been erased from the register after the backup was taken.',
    erasedWhy:
      'Kaappi keeps a list of erased persons that holds no personal data. That is why an erased person does not come back with a backup.',
    keptAside:
      'The previous register was kept unchanged as a separate file in the same folder (with “before-restore” in its name). When you log in, you can confirm the restore (the previous one is removed) or undo it (the previous one comes back).',
    passwordsThen:
      'In the restored register, the passwords of the time of the backup are valid. Log in to the restored register now.',
    forgotThen:
      'If you do not remember the password of that time, choose “Forgot the password? Use the recovery key” when logging in and enter the same recovery key.',
    liveOwnerTitle: 'Owner of the register on this computer',
    liveOwnerHint:
      'Only the owner of the register on this computer can replace it with a backup. Give the owner’s current password or the register’s recovery key.',
    liveUsername: 'Owner’s username',
    livePassword: 'Owner’s password',
    liveRecoveryKey: 'The register’s recovery key',
    separateCredentials: 'The backup opens with another password (the password was changed after the backup was made)',
    otherRegisterExplain:
      'This backup is of another register than the one on this computer. Restoring it replaces the current register with a different one.',
    otherRegisterConfirm: 'Replace it anyway: I know the backup is of another register',
    otherRegisterDone: 'The register was replaced with a backup of another register, as you confirmed.',
    usersRemovedAgain:
      'These users had been removed after the backup was made, so they were removed again and the register was re-encrypted with a new key: {names}.',
    toLogin: 'Log in to the restored register',
  },
  confirm: {
    title: 'Confirm the restore',
    intro:
      'The register was restored on {at} from a backup made on {backupAt}. The previous register is still kept on this computer.',
    keep: 'If the restored register is the right one, confirm the restore. The previous register is then removed: it would still hold the persons you erase from the register from now on.',
    undo: 'If you chose the wrong backup, undo the restore: the previous register comes back as it was and the restored one is removed (the backup itself stays).',
    waiting: 'Other users can log in only once you have chosen.',
    erasedAgain: 'The restore erased again {count} persons who had been erased after the backup.',
    confirmButton: 'Confirm the restore',
    undoButton: 'Undo the restore',
    undone: 'The restore was undone. The previous register is back; log in to it.',
  },
};
