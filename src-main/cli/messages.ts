// The CLI's own lines in both languages. Errors raised by core come with their own messages
// (core/errors); usage and --help text are English only, like most command-line tools.
import type { Language } from '../core/errors';

const en = {
  registerCreated: 'Register created: {path} (owner: {owner}).',
  recoveryKeyIntro:
    'Recovery key, shown only this once. Print it or write it down and keep it safe, away from this computer: it opens the register if every password is lost.',
  userAdded: 'Added user {username} ({role}).',
  userRemoved: 'Removed user {username}. The register was re-encrypted with a new key (key version {keyVersion}).',
  usersHeader: 'USERNAME\tNAME\tROLE\tCONFIDENTIALITY SIGNED\tSTATUS',
  userActive: 'active',
  userRemovedStatus: 'removed',
  databaseOk: 'Database integrity and encryption: OK (every page read and authenticated)',
  databaseFailed: 'Database integrity and encryption: FAILED: {problems}',
  chainOk: 'Audit chain: OK ({checked} entries)',
  chainBroken: 'Audit chain: BROKEN at entry {id}; the entries before it are intact',
  verifyFailed: 'Verification failed: {failed}.',
  verifyFailedDatabase: 'database',
  verifyFailedChain: 'audit chain',
  passwordsDiffer: 'The passwords do not match.',
  promptPassword: 'Password for {username}: ',
  promptNewPassword: 'New password for {username}: ',
  promptRepeat: 'Repeat the password: ',
  promptRecoveryKey: 'Recovery key: ',
};

export type CliMessage = keyof typeof en;

const fi: Record<CliMessage, string> = {
  registerCreated: 'Rekisteri luotu: {path} (omistaja: {owner}).',
  recoveryKeyIntro:
    'Palautusavain näytetään vain tämän kerran. Tulosta tai kirjoita se ylös ja säilytä turvassa, erillään tästä tietokoneesta: sillä rekisterin saa auki, jos kaikki salasanat unohtuvat.',
  userAdded: 'Käyttäjä {username} lisätty ({role}).',
  userRemoved:
    'Käyttäjä {username} poistettu käytöstä. Rekisteri salattiin uudella avaimella (avainversio {keyVersion}).',
  usersHeader: 'TUNNUS\tNIMI\tROOLI\tSALASSAPITOSITOUMUS\tTILA',
  userActive: 'käytössä',
  userRemovedStatus: 'poistettu',
  databaseOk: 'Tietokannan eheys ja salaus: OK (jokainen sivu luettu ja todennettu)',
  databaseFailed: 'Tietokannan eheys ja salaus: VIRHE: {problems}',
  chainOk: 'Lokiketju: OK ({checked} merkintää)',
  chainBroken: 'Lokiketju: KATKENNUT merkinnän {id} kohdalla; sitä edeltävät merkinnät ovat ehjiä',
  verifyFailed: 'Tarkistus epäonnistui: {failed}.',
  verifyFailedDatabase: 'tietokanta',
  verifyFailedChain: 'lokiketju',
  passwordsDiffer: 'Salasanat eivät täsmää.',
  promptPassword: 'Käyttäjän {username} salasana: ',
  promptNewPassword: 'Käyttäjän {username} uusi salasana: ',
  promptRepeat: 'Salasana uudelleen: ',
  promptRecoveryKey: 'Palautusavain: ',
};

const messages: Record<Language, Record<CliMessage, string>> = { fi, en };

export function cliMessage(language: Language, key: CliMessage, params: Record<string, string | number> = {}): string {
  return messages[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A failure the CLI itself detects (not a core error): exit 1 with this message. */
export class CliFailure extends Error {
  constructor(
    readonly key: CliMessage,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'CliFailure';
  }
}
