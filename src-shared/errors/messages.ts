// User-facing messages for domain errors, in both UI languages. Main owns these because errors
// are raised here; the renderer shows `message` as it comes.
import { interpolate, type Language } from '../language';

const fi = {
  INVALID_INPUT: 'Tiedoissa on virhe. Tarkista merkityt kentät.',
  RETENTION_POLICY_NOT_FOUND: 'Säilytyssääntöä {key} ei löydy.',
  RETENTION_POLICY_KEY_TAKEN: 'Säilytyssääntö nimellä {key} on jo olemassa.',
  RETENTION_POLICY_INVALID:
    'Säilytyssääntö {key}: {field} puuttuu tai ei kelpaa. Valvottavalla säännöllä on peruste ja aika (1–1200 kuukautta tai 1–100 vuotta), itse huolehdittavalla teksti suomeksi ja englanniksi.',
  RETENTION_DUE_CHANGED:
    'Poistettavat henkilöt ovat muuttuneet listan avaamisen jälkeen. Mitään ei poistettu. Tarkista lista ja hyväksy uudelleen.',
  PRESET_NOT_FOUND: 'Pohjaa ei löydy.',
  CHECKLIST_ITEM_NOT_FOUND: 'Tarkistuslistalla ei ole tätä kohtaa. Ota pohja ensin käyttöön.',
  PRESET_FILE_NAME: '{file}: tiedoston nimessä saa olla vain pieniä kirjaimia (a–z), numeroita ja viivoja.',
  PRESET_NOT_JSON: '{file}: tiedosto ei ole kelvollista JSONia.',
  PRESET_FORMAT: '{file}: tiedosto ei ole Kaappin pohja (format "kaappi-preset", version 2).',
  PRESET_IDENTITY:
    '{file}: pohjassa on kenttä {path}. Pohja ei saa tuoda toisen yrityksen tietoja; rekisterinpitäjän tiedot täyttää jokainen itse.',
  PRESET_UNKNOWN_KEY: '{file}: tuntematon kenttä {path}. Tarkista kentän nimen kirjoitusasu.',
  PRESET_INVALID_VALUE: '{file}: kentän {path} arvo puuttuu tai ei kelpaa.',
  WRONG_CREDENTIALS: 'Käyttäjätunnus tai salasana on väärin.',
  WRONG_RECOVERY_KEY: 'Palautusavain on väärin.',
  WRONG_CURRENT_PASSWORD: 'Nykyinen salasana on väärin.',
  LOGIN_THROTTLED:
    'Liian monta epäonnistunutta yritystä. Odota {wait} ja yritä uudelleen. Odotus koskee kaikkia tämän koneen käyttäjiä.',
  NO_CONFIDENTIALITY_AGREEMENT:
    'Käyttäjältä puuttuu salassapitositoumuksen päiväys. Omistaja voi lisätä sen ennen kirjautumista.',
  USER_INACTIVE: 'Käyttäjätunnus on poistettu käytöstä.',
  LOCKED: 'Rekisteri on lukittu. Kirjaudu sisään.',
  FORBIDDEN: 'Sinulla ei ole oikeutta tähän toimintoon.',
  STAFF_EXPORT_NOT_ALLOWED:
    'Omistaja ei ole sallinut henkilökunnan tehdä postituslistoja eikä osoitetarroja. Pyydä omistajaa tekemään lista tai sallimaan se Käyttäjät-sivulla.',
  REGISTER_EXISTS: 'Rekisteri on jo olemassa.',
  REGISTER_MISSING: 'Rekisteriä ei löydy. Luo ensin uusi rekisteri.',
  REGISTER_UNREADABLE: 'Rekisteritiedostoa ei voi avata: se on vaurioitunut tai avain ei kelpaa.',
  KEYRING_INVALID: 'Avainrengastiedosto on vaurioitunut tai väärää muotoa.',
  REGISTER_BUSY:
    'Rekisteri on auki toisessa ohjelmassa (esimerkiksi komentorivillä). Sulje se ja yritä uudelleen; mitään ei muutettu.',
  USERNAME_TAKEN: 'Käyttäjätunnus on jo käytössä.',
  USER_NOT_FOUND: 'Käyttäjää ei löydy.',
  LAST_OWNER: 'Viimeistä omistajaa ei voi poistaa.',
  CANNOT_REMOVE_SELF: 'Et voi poistaa omaa käyttäjätunnustasi.',
  WEAK_PASSWORD: 'Salasana on liian heikko: vähintään 12 merkkiä, eikä yleinen tai helposti arvattava.',
  PASSWORD_UNCHANGED: 'Uusi salasana on sama kuin nykyinen. Valitse toinen.',
  PASSWORD_CHANGE_REQUIRED:
    'Vaihda ensin salasanasi kirjautumalla Kaappiin: omistaja asetti sen puolestasi, joten vain itse valitsemasi salasana on henkilökohtainen.',
  SCHEMA_TOO_NEW: 'Rekisteri on tehty uudemmalla Kaappi-versiolla. Päivitä Kaappi.',
  MIGRATION_FAILED: 'Rekisterin päivitys epäonnistui. Tiedosto on ennallaan.',
  PERSON_NOT_FOUND: 'Henkilöä ei löydy rekisteristä.',
  ORGANIZATION_NOT_FOUND: 'Organisaatiota ei löydy rekisteristä.',
  EMAIL_TAKEN: 'Sähköpostiosoite on jo toisella henkilöllä rekisterissä.',
  BUSINESS_ID_TAKEN: 'Y-tunnus on jo toisella organisaatiolla rekisterissä.',
  UNKNOWN_KIND: 'Tuntematon asiakkuuden laji.',
  UNKNOWN_SOURCE: 'Tuntematon tietolähde.',
  UNKNOWN_FIELD: 'Tuntematon lisäkenttä tai arvo ei sovi kenttään.',
  KEY_TAKEN: 'Tunniste on jo käytössä.',
  NOTICE_TRANSFER_CONFLICT:
    'Ainakin yksi henkilötietojen käsittelijä käsittelee tietoja EU:n tai ETA:n ulkopuolella, joten valitse siirroksi "EU:n tai ETA:n ulkopuolelle suojatoimin". Mitään ei muutettu.',
  NOTICE_MEASURES_CONFLICT:
    'Valitut suojaustoimet ovat ristiriidassa: rekisteri ei voi olla sekä vain tällä koneella että kumppanin palvelimilla, eikä paperiaineistoa voi olla sekä lukitussa tilassa että ei lainkaan. Mitään ei muutettu.',
  PERSON_RESTRICTED:
    'Henkilön tietojen käsittely on rajoitettu. Tietoja ei voi muuttaa ennen kuin rajoitus poistetaan.',
  BACKUP_INVALID:
    'Varmuuskopio on vaurioitunut, keskeneräinen tai muuttunut. Sitä ei käytetty; nykyinen rekisteri on ennallaan.',
  DATE_IN_FUTURE: 'Päivämäärä ei voi olla tulevaisuudessa.',
  REQUEST_NOT_FOUND: 'Pyyntöä ei löydy.',
  REQUEST_CLOSED: 'Pyyntö on jo käsitelty. Sitä ei voi enää muuttaa.',
  REQUEST_WRONG_STEP: 'Pyyntö ei ole siinä vaiheessa, että tämän voisi tehdä nyt. Tee ensin edellinen vaihe.',
  REQUEST_NO_SUBJECT: 'Valitse ensin, ketä rekisterissä pyyntö koskee.',
  VERIFICATION_MEANS_UNKNOWN: 'Valitse, miten henkilöllisyys vahvistettiin.',
  VERIFICATION_NOTE_REQUIRED: 'Kirjoita lisätietoihin, miten henkilöllisyys vahvistettiin.',
  EXTENSION_INVALID:
    'Määräaikaa voi jatkaa enintään kahdella kuukaudella ({latest} asti), ja henkilölle on kerrottava jatkosta ensimmäisen kuukauden aikana.',
  PACKAGE_NOT_WRITTEN: 'Kirjoita ensin henkilön tiedot tiedostoon (tietopaketti), sitten merkitse pyyntö valmiiksi.',
  NOTHING_TO_RECTIFY: 'Oikaisupyynnössä ei ole yhtään muutosta.',
  BACKUP_FOLDER_UNAVAILABLE:
    'Varmuuskopion kansiota ei löydy. Tarkista, että USB-tikku on paikallaan, ja valitse kansio uudelleen.',
  RESTORE_NEEDS_OWNER:
    'Tällä koneella on jo rekisteri. Vain sen omistaja voi korvata sen varmuuskopiolla: anna omistajan tunnus ja salasana tai palautusavain.',
  BACKUP_OTHER_REGISTER:
    'Varmuuskopio on toisesta rekisteristä kuin tällä koneella oleva. Jos haluat silti korvata nykyisen rekisterin sillä, vahvista se erikseen.',
  BACKUP_NEEDS_ITS_PASSWORD:
    'Varmuuskopio ei aukea nykyisillä tunnuksilla: salasana on vaihdettu sen jälkeen. Anna salasana, joka oli voimassa varmuuskopion aikaan, tai palautusavain.',
  RESTORE_NO_OWNER:
    'Palautettuun rekisteriin ei jäisi yhtään omistajaa: kaikki sen omistajat on sittemmin poistettu. Valitse uudempi varmuuskopio.',
  RESTORE_UNCONFIRMED:
    'Rekisteri on palautettu varmuuskopiosta, eikä omistaja ole vielä vahvistanut palautusta. Omistajan on kirjauduttava ensin.',
  RESTORE_CONFIRMATION_REQUIRED:
    'Vahvista ensin palautus kirjautumalla Kaappiin (tai komennolla kaappi restore --confirm).',
  NOTHING_TO_CONFIRM: 'Vahvistettavaa palautusta ei ole.',
  LIVE_REGISTER_DAMAGED:
    'Tällä koneella oleva rekisteri on vaurioitunut, joten omistajan salasanaa ei voi tarkistaa. Korvaa se antamalla rekisterin palautusavain.',
  ELECTRONIC_MARKETING_OPT_OUT:
    'Sähköpostilla ja tekstiviestillä suoramarkkinointi kuluttajille vaatii aina ennakkosuostumuksen (sähköisen viestinnän palvelulaki 200 §). Vain posti ja puhelin voivat olla sallittuja, kunnes henkilö kieltää.',
  CUSTOM_FIELD_NOT_FOR_KIND:
    'Lisäkenttä {field} ei kuulu tämän henkilön ryhmään ({kind}). Mitään ei muutettu. Omistaja voi liittää kentän ryhmään asetuksissa.',
  KIND_CHANGE_DROPS_FIELDS:
    'Ryhmässä {kind} ei ole henkilön lisäkenttiä {fields}. Tyhjennä ne ensin tai liitä kentät ryhmään asetuksissa; mitään ei muutettu.',
  CUSTOM_FIELD_VALUES_OUTSIDE_KINDS:
    'Lisäkentässä on arvoja henkilöillä, joiden ryhmä jäisi pois. Tyhjennä ne ensin; mitään ei muutettu.',
  PRESET_UNKNOWN_KIND: '{file}: kentässä {path} on ryhmä (asiakkuuden laji), jota pohjan kinds-luettelossa ei ole.',
  INTERNAL: 'Odottamaton virhe. Mitään ei muutettu. Yritä uudelleen.',
} as const;

export type ErrorCode = keyof typeof fi;

const en: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Some information is not valid. Check the marked fields.',
  RETENTION_POLICY_NOT_FOUND: 'There is no retention rule {key}.',
  RETENTION_POLICY_KEY_TAKEN: 'A retention rule named {key} already exists.',
  RETENTION_POLICY_INVALID:
    'Retention rule {key}: {field} is missing or not valid. An enforced rule needs a start and a period (1–1200 months or 1–100 years), a stated rule its text in Finnish and English.',
  RETENTION_DUE_CHANGED:
    'Who can be deleted has changed since the list was opened. Nothing was deleted. Check the list and approve again.',
  PRESET_NOT_FOUND: 'The template was not found.',
  CHECKLIST_ITEM_NOT_FOUND: 'The checklist has no such item. Apply a template first.',
  PRESET_FILE_NAME: '{file}: a file name may only have lower-case letters (a–z), digits and hyphens.',
  PRESET_NOT_JSON: '{file}: the file is not valid JSON.',
  PRESET_FORMAT: '{file}: the file is not a Kaappi template (format "kaappi-preset", version 2).',
  PRESET_IDENTITY:
    "{file}: the template has a field {path}. A template must not bring another business's details; each owner fills in their own controller details.",
  PRESET_UNKNOWN_KEY: '{file}: unknown field {path}. Check how the field name is spelt.',
  PRESET_INVALID_VALUE: '{file}: the value of {path} is missing or not valid.',
  WRONG_CREDENTIALS: 'Wrong username or password.',
  WRONG_RECOVERY_KEY: 'The recovery key is wrong.',
  WRONG_CURRENT_PASSWORD: 'The current password is wrong.',
  LOGIN_THROTTLED:
    'Too many failed attempts. Wait {wait} and try again. The wait applies to every user of this computer.',
  NO_CONFIDENTIALITY_AGREEMENT:
    'This user has no confidentiality agreement date. The owner can add it before the user logs in.',
  USER_INACTIVE: 'This user account has been deactivated.',
  LOCKED: 'The register is locked. Please log in.',
  FORBIDDEN: 'You are not allowed to do this.',
  STAFF_EXPORT_NOT_ALLOWED:
    'The owner has not allowed staff to make mailing lists or address labels. Ask the owner to make the list, or to allow it on the Users page.',
  REGISTER_EXISTS: 'A register already exists.',
  REGISTER_MISSING: 'No register was found. Create a new register first.',
  REGISTER_UNREADABLE: 'The register file cannot be opened: it is damaged or the key does not fit.',
  KEYRING_INVALID: 'The keyring file is damaged or in the wrong format.',
  REGISTER_BUSY:
    'The register is open in another program (for example the command line). Close it and try again; nothing was changed.',
  USERNAME_TAKEN: 'That username is already in use.',
  USER_NOT_FOUND: 'User not found.',
  LAST_OWNER: 'The last owner cannot be removed.',
  CANNOT_REMOVE_SELF: 'You cannot remove your own account.',
  WEAK_PASSWORD: 'The password is too weak: at least 12 characters, and not a common or easily guessed one.',
  PASSWORD_UNCHANGED: 'The new password is the same as the current one. Choose another.',
  PASSWORD_CHANGE_REQUIRED:
    'Change your password first by logging in to Kaappi: the owner set it for you, so only a password you choose yourself is personal.',
  SCHEMA_TOO_NEW: 'The register was made by a newer version of Kaappi. Please update Kaappi.',
  MIGRATION_FAILED: 'Updating the register failed. The file is unchanged.',
  PERSON_NOT_FOUND: 'That person is not in the register.',
  ORGANIZATION_NOT_FOUND: 'That organization is not in the register.',
  EMAIL_TAKEN: 'Another person in the register already has that email address.',
  BUSINESS_ID_TAKEN: 'Another organization in the register already has that business ID.',
  UNKNOWN_KIND: 'Unknown kind of relationship.',
  UNKNOWN_SOURCE: 'Unknown data source.',
  UNKNOWN_FIELD: 'Unknown custom field, or the value does not fit it.',
  KEY_TAKEN: 'That key is already in use.',
  NOTICE_TRANSFER_CONFLICT:
    'At least one processor processes data outside the EU or EEA, so choose "outside the EU or EEA with safeguards" for transfers. Nothing was changed.',
  NOTICE_MEASURES_CONFLICT:
    "The chosen security measures contradict each other: the register cannot be both never in a cloud and on a partner's servers, and paper documents cannot be both in locked premises and not kept at all. Nothing was changed.",
  PERSON_RESTRICTED: 'Processing of this person is restricted. Nothing can be changed until the restriction is lifted.',
  BACKUP_INVALID: 'The backup is damaged, incomplete or altered. It was not used; the current register is unchanged.',
  DATE_IN_FUTURE: 'The date cannot be in the future.',
  REQUEST_NOT_FOUND: 'That request was not found.',
  REQUEST_CLOSED: 'The request has already been answered. It can no longer be changed.',
  REQUEST_WRONG_STEP: 'The request is not at a step where this can be done now. Do the previous step first.',
  REQUEST_NO_SUBJECT: 'First choose whom in the register the request concerns.',
  VERIFICATION_MEANS_UNKNOWN: 'Choose how the identity was confirmed.',
  VERIFICATION_NOTE_REQUIRED: 'Write in the note how the identity was confirmed.',
  EXTENSION_INVALID:
    'The deadline can be extended by at most two months (until {latest}), and the person must be told within the first month.',
  PACKAGE_NOT_WRITTEN: "Write the person's data to a file (the data package) first, then mark the request done.",
  NOTHING_TO_RECTIFY: 'The rectification request contains no changes.',
  BACKUP_FOLDER_UNAVAILABLE:
    'The backup folder is not there. Check that the USB stick is plugged in, and choose the folder again.',
  RESTORE_NEEDS_OWNER:
    'There is already a register on this computer. Only its owner can replace it with a backup: give the owner’s username and password, or the recovery key.',
  BACKUP_OTHER_REGISTER:
    'The backup is of another register than the one on this computer. If you still want to replace the current register with it, confirm that separately.',
  BACKUP_NEEDS_ITS_PASSWORD:
    'The backup does not open with the current credentials: the password has been changed since. Give the password that was valid when the backup was made, or the recovery key.',
  RESTORE_NO_OWNER:
    'The restored register would have no owner left: all its owners have been removed since. Choose a newer backup.',
  RESTORE_UNCONFIRMED:
    'The register was restored from a backup and the owner has not confirmed the restore yet. The owner must log in first.',
  RESTORE_CONFIRMATION_REQUIRED:
    'First confirm the restore by logging in to Kaappi (or with kaappi restore --confirm).',
  NOTHING_TO_CONFIRM: 'There is no restore to confirm.',
  LIVE_REGISTER_DAMAGED:
    'The register on this computer is damaged, so the owner’s password cannot be checked. Replace it by giving the register’s recovery key.',
  ELECTRONIC_MARKETING_OPT_OUT:
    'Direct marketing to consumers by email or text message always needs their prior consent (Finnish Act on Electronic Communications Services, section 200). Only post and phone can be allowed until the person objects.',
  CUSTOM_FIELD_NOT_FOR_KIND:
    'The custom field {field} is not one of this person’s group ({kind}). Nothing was changed. The owner can add the field to the group in the settings.',
  KIND_CHANGE_DROPS_FIELDS:
    'The group {kind} does not have the person’s custom fields {fields}. Clear them first or add the fields to the group in the settings; nothing was changed.',
  CUSTOM_FIELD_VALUES_OUTSIDE_KINDS:
    'Persons of a group that would be left out have values in this custom field. Clear them first; nothing was changed.',
  PRESET_UNKNOWN_KIND: '{file}: {path} names a group (kind of relationship) that the template’s kinds do not define.',
  INTERNAL: 'Unexpected error. Nothing was changed. Please try again.',
};

export const errorMessages: Record<Language, Record<ErrorCode, string>> = { fi, en };

export function formatErrorMessage(
  code: ErrorCode,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  return interpolate(errorMessages[language][code], params);
}
