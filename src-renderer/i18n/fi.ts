// Finnish UI strings: the default language and the shape every other language must match.
import { backupFi } from './backup.fi';
import { registerFi } from './register.fi';
import { requestsFi } from './requests.fi';
import { retentionFi } from './retention.fi';
import { settingsFi } from './settings.fi';
import { staffFi } from './staff.fi';
import { importsFi } from './imports.fi';

export const fi = {
  register: registerFi,
  retention: retentionFi,
  requests: requestsFi,
  backup: backupFi,
  settings: settingsFi,
  staff: staffFi,
  imports: importsFi,
  appName: 'Kaappi',
  tagline: 'Asiakasrekisteri, joka pitää tietosuojaselosteen lupaukset',
  language: 'Kieli',
  loading: 'Ladataan…',
  unexpected: 'Odottamaton virhe. Yritä uudelleen.',

  firstRun: {
    title: 'Luo asiakasrekisteri',
    intro:
      'Rekisteri tallennetaan salattuna tälle tietokoneelle. Sinusta tulee rekisterin omistaja; voit myöhemmin lisätä henkilökunnalle omat tunnukset.',
    username: 'Käyttäjätunnus',
    usernameHint: 'Esimerkiksi etunimesi pienillä kirjaimilla.',
    displayName: 'Nimi',
    confidentialityDate: 'Salassapitositoumuksen päiväys (valinnainen)',
    confidentialityHint: 'Päivä, jona allekirjoitit salassapitositoumuksen, jos sellainen on.',
    password: 'Salasana',
    passwordHint: 'Vähintään 12 merkkiä. Pitkä lause on hyvä salasana.',
    passwordAgain: 'Salasana uudelleen',
    passwordsDiffer: 'Salasanat eivät täsmää.',
    create: 'Luo rekisteri',
    creating: 'Luodaan… (salausavaimen muodostus kestää hetken)',
  },
  recovery: {
    title: 'Palautusavain',
    intro:
      'Tällä avaimella rekisterin saa auki, jos salasana unohtuu. Avain näytetään vain tämän kerran. Tulosta se tai kirjoita se paperille ja säilytä lukitussa paikassa erillään tietokoneesta.',
    keyLabel: 'Rekisterin palautusavain',
    print: 'Tulosta',
    confirm: 'Olen tulostanut tai kirjoittanut palautusavaimen talteen.',
    continue: 'Jatka rekisteriin',
    printedOn: 'Luotu',
    business: 'Rekisteri',
    owner: 'Omistaja',
    ownerValue: '{name}, käyttäjätunnus {username}',
    howTitle: 'Jos salasana unohtuu',
    howOpen: 'Avaa Kaappi ja valitse kirjautumisikkunasta ”Unohtuiko salasana? Käytä palautusavainta”.',
    howType: 'Kirjoita yllä oleva avain ja käyttäjätunnus {username}.',
    howPassword: 'Valitse uusi salasana. Rekisteri aukeaa, ja vanha salasana lakkaa toimimasta.',
    keep: 'Säilytä tämä sivu lukitussa paikassa erillään tietokoneesta. Kuka tahansa, jolla on avain ja pääsy tietokoneeseen, voi avata rekisterin. Jos sivu katoaa, luo uusi avain kohdassa Varmuuskopiot → Vaihda salausavain.',
  },
  login: {
    title: 'Kirjaudu rekisteriin',
    user: 'Käyttäjä',
    otherUser: 'Muu käyttäjä…',
    username: 'Käyttäjätunnus',
    password: 'Salasana',
    submit: 'Kirjaudu',
    submitting: 'Avataan…',
    forgot: 'Unohtuiko salasana? Käytä palautusavainta',
    lockedBecause: {
      idle: 'Rekisteri lukittiin, koska sitä ei käytetty hetkeen. Kirjaudu uudelleen.',
      'os-lock': 'Rekisteri lukittiin, koska tietokone lukittiin. Kirjaudu uudelleen.',
      suspend: 'Rekisteri lukittiin, koska tietokone meni lepotilaan. Kirjaudu uudelleen.',
      user: 'Rekisteri lukittiin. Kirjaudu uudelleen.',
      unknown: 'Rekisteri lukittiin. Kirjaudu uudelleen.',
    },
  },
  recover: {
    title: 'Avaa palautusavaimella',
    intro:
      'Kirjoita palautusavain ja omistajan käyttäjätunnus sellaisina kuin ne ovat tulostetulla palautusavainsivulla, ja valitse uusi salasana.',
    recoveryKey: 'Palautusavain',
    username: 'Omistajan käyttäjätunnus',
    newPassword: 'Uusi salasana',
    newPasswordAgain: 'Uusi salasana uudelleen',
    submit: 'Avaa ja vaihda salasana',
    back: 'Takaisin kirjautumiseen',
  },
  strength: {
    label: 'Salasanan vahvuus',
    levels: ['Erittäin heikko', 'Heikko', 'Heikko', 'Kohtalainen, ei vielä riittävä', 'Vahva'],
  },
  home: {
    welcome: 'Tervetuloa, {name}',
    role: 'Rooli',
    roles: { owner: 'Omistaja', staff: 'Henkilökunta', readonly: 'Vain luku' },
    autoLock: 'Rekisteri lukittuu {minutes} minuutin käyttämättömyyden jälkeen ja aina kun tietokone lukitaan.',
    keyringDropped:
      'Avainrenkaasta poistettiin kirjautuessasi {count} avain, jota rekisteri ei tunne: joku oli lisännyt sen tiedostoon ohi Kaappi-ohjelman. Rekisteri salattiin uudella avaimella, joten lisätty avain ei avaa sitä. Tapahtuma näkyy lokitiedoissa.',
    checkTitle: 'Rekisterin eheys',
    checkIntro: 'Tarkistaa tietokannan salauksen ja rakenteen sekä sen, ettei tapahtumalokia ole muutettu.',
    checkRun: 'Tarkista nyt',
    checkRunning: 'Tarkistetaan…',
    checkOk: 'Kunnossa: tietokanta eheä, tapahtumaloki ({count} merkintää) muuttamaton.',
    checkFailed: 'Ongelma havaittu: {details}',
    databaseDamaged: 'tietokannan rakenteessa tai salauksessa on vikaa: palauta varmuuskopio',
    technicalDetails: 'Tekninen kuvaus',
    chainBroken: 'tapahtumaloki on muuttunut merkinnästä {id} alkaen',
    activityTitle: 'Viimeisimmät tapahtumat',
    activityEmpty: 'Ei tapahtumia.',
    when: 'Aika',
    who: 'Kuka',
    what: 'Tapahtuma',
    openContacts: 'Avaa asiakkaat',
  },
  account: {
    title: 'Oma salasana',
    intro: 'Vaihda salasanasi. Muiden käyttäjien salasanat eivät muutu.',
    current: 'Nykyinen salasana',
    next: 'Uusi salasana',
    again: 'Uusi salasana uudelleen',
    submit: 'Vaihda salasana',
    done: 'Salasana vaihdettu. Käytä uutta salasanaa seuraavalla kirjautumisella.',
    required: {
      title: 'Tervetuloa, {name}: valitse oma salasana',
      why: 'Salasanasi on omistajan antama, joten hän tietää sen. Rekisterin tiedot aukeavat, kun olet valinnut oman salasanan, jota kukaan muu ei tiedä.',
      formTitle: 'Oma salasana',
      intro: 'Kirjoita nykyiseksi salasanaksi se, jonka omistaja antoi sinulle.',
    },
  },
  autoLock: {
    title: 'Automaattinen lukitus',
    minutes: 'Lukitse, kun rekisteriä ei ole käytetty (minuuttia)',
    hint: '1–240 minuuttia. Koskee kaikkia tämän rekisterin käyttäjiä.',
    saved: 'Tallennettu.',
  },
  actions: {
    'register.created': 'Rekisteri luotiin',
    'register.rekeyed': 'Rekisterin salausavain vaihdettiin',
    'register.verified': 'Rekisterin eheys tarkistettiin',
    'session.login': 'Kirjautuminen',
    'session.login_with_recovery_key': 'Kirjautuminen palautusavaimella',
    'session.locked': 'Lukitus',
    'user.added': 'Käyttäjä lisättiin',
    'user.deactivated': 'Käyttäjä poistettiin käytöstä',
    'user.password_changed': 'Salasana vaihdettiin',
    'user.password_reset_with_recovery_key': 'Salasana vaihdettiin palautusavaimella',
    'person.erased': 'Henkilö poistettiin',
    'person.anonymised': 'Henkilö anonymisoitiin',
    'retention.run': 'Säilytysajat tarkistettiin',
    'retention.policy_updated': 'Säilytyssääntöä muutettiin',
    'retention.postponed': 'Poistoa siirrettiin',
    'retention.hold_added': 'Poistolle lisättiin este',
    'backup.created': 'Varmuuskopio tehtiin',
    'backup.failed': 'Varmuuskopiointi epäonnistui',
    'backup.pruned': 'Vanhoja varmuuskopioita poistettiin',
    'backup.restored': 'Varmuuskopio palautettiin',
    'view.saved': 'Näkymä tallennettiin',
    'organization.created': 'Organisaatio lisättiin',
    'organization.viewed': 'Organisaation tiedot avattiin',
    'settings.updated': 'Asetuksia muutettiin',
    'request.received': 'Pyyntö kirjattiin',
    'request.subjects_confirmed': 'Pyynnön henkilöt valittiin',
    'request.verified': 'Pyytäjän henkilöllisyys vahvistettiin',
    'request.started': 'Pyynnön käsittely aloitettiin',
    'request.extended': 'Pyynnön määräaikaa jatkettiin',
    'request.refused': 'Pyyntö hylättiin',
    'request.completed': 'Pyyntö merkittiin valmiiksi',
    'request.changes_recorded': 'Oikaisupyynnön muutokset kirjattiin',
    'request.bans_chosen': 'Vastustamisen kiellot valittiin',
    'request.recipient_added': 'Pyyntöön lisättiin vastaanottaja',
    'request.recipient_told': 'Vastaanottajalle kerrottiin',
    'request.attachment_viewed': 'Pyynnön liite avattiin',
    'request.document_written': 'Pyynnön kirje tallennettiin',
    'person.restricted': 'Henkilön käsittely rajoitettiin',
    'person.restriction_lifted': 'Käsittelyn rajoitus poistettiin',
    'person.partially_erased': 'Henkilön tiedot poistettiin osittain',
    'subject.exported': 'Tietopaketti kirjoitettiin',
  } as Record<string, string>,
  header: {
    lock: 'Lukitse',
    lockTitle: 'Lukitse rekisteri (tiedot suljetaan ja avain poistetaan muistista)',
    signedInAs: 'Kirjautuneena: {name}',
    skipToContent: 'Siirry sisältöön',
  },
};

export type Widen<T> = T extends string
  ? string
  : T extends readonly string[]
    ? string[]
    : T extends Record<string, unknown>
      ? { [K in keyof T]: Widen<T[K]> }
      : T;

export type Messages = Widen<typeof fi>;
