// Finnish strings of backups: the dashboard card, the backup screen, key rotation and restoring
// from the login screen.
export const backupFi = {
  nav: 'Varmuuskopiot',
  title: 'Varmuuskopiot',
  intro:
    'Varmuuskopio on salattu kopio rekisteristä esimerkiksi USB-tikulle. Se aukeaa vain salasanalla tai palautusavaimella. Säilytä tikku lukitussa paikassa erillään tietokoneesta.',
  age: {
    none: 'Varmuuskopiota ei ole vielä otettu.',
    today: 'Viimeisin tarkistettu varmuuskopio tänään ({date}).',
    yesterday: 'Viimeisin tarkistettu varmuuskopio eilen ({date}).',
    days: 'Viimeisin tarkistettu varmuuskopio {days} päivää sitten ({date}).',
  },
  reminderBadge: 'Muistutus',
  reminderNone: 'Ota varmuuskopio nyt. Jos tietokone hajoaa tai katoaa, rekisteriä ei saa ilman sitä takaisin.',
  reminderOld:
    'Varmuuskopio on vanhentunut: asetuksen mukaan uusi otetaan {days} päivän välein. Ota uusi, jotta sen jälkeen tehdyt muutokset eivät katoa, jos tietokone hajoaa.',
  reminderOldOne:
    'Varmuuskopio on vanhentunut: asetuksen mukaan uusi otetaan joka päivä. Ota uusi, jotta sen jälkeen tehdyt muutokset eivät katoa, jos tietokone hajoaa.',
  reminderStaffNone: 'Rekisteristä ei ole varmuuskopiota. Varmuuskopion ottaa omistaja: muistuta häntä.',
  reminderStaffOld: 'Varmuuskopio on vanhentunut. Uuden ottaa rekisterin omistaja: muistuta häntä.',
  lastFailed: 'Viimeisin varmuuskopiointi epäonnistui: {reason}',
  open: 'Avaa varmuuskopiot',
  now: {
    button: 'Varmuuskopioi nyt',
    running: 'Varmuuskopioidaan… (kopio kirjoitetaan ja tarkistetaan)',
    hint: 'Valitse seuraavaksi kansio, esimerkiksi USB-tikku.',
    runningHint: 'Voit jatkaa muuta työtä sillä välin. Tulos näkyy täällä ja varmuuskopiosivulla.',
    cancelled: 'Kansiota ei valittu. Mitään ei kirjoitettu.',
    done: 'Varmuuskopio on tehty ja tarkistettu.',
    notVerified: 'Varmuuskopio kirjoitettiin, mutta tarkistus ei mennyt läpi. Sitä ei lasketa varmuuskopioksi.',
    folder: 'Kansio',
    file: 'Tiedosto',
    size: 'Koko',
    verified: 'Tarkistus',
    verifiedText: 'Kopio avattiin uudelleen ja sen sisältö vastaa rekisteriä.',
  },
  failures: {
    BACKUP_INVALID:
      'kopion tarkistus ei mennyt läpi (kirjoitus keskeytyi tai kopio ei vastannut rekisteriä). Kokeile uudelleen tai toista USB-tikkua.',
    INTERNAL:
      'kansioon ei voitu kirjoittaa. Tarkista, että USB-tikku on paikallaan, siihen voi kirjoittaa ja siinä on tilaa.',
    BACKUP_FOLDER_UNAVAILABLE:
      'kansiota ei löydy. Tarkista, että USB-tikku on paikallaan, ja valitse kansio uudelleen.',
  } as Record<string, string>,
  list: {
    title: 'Otetut varmuuskopiot',
    empty: 'Varmuuskopioita ei ole vielä otettu.',
    verified: 'Tarkistettu',
    failed: 'Epäonnistui',
    folder: 'Kansio',
    file: 'Tiedosto',
    size: 'Koko',
    keyVersion: 'Salausavain',
    keyVersionValue: 'versio {version}',
    opensWith: 'Avaimet',
    reason: 'Syy',
    opensCurrentUsers: 'Avautuu palautusavaimella ja näiden käyttäjien silloisilla salasanoilla: {users}.',
    opensCurrent: 'Avautuu palautusavaimella.',
    opensOldUsers:
      'Avautuu vain silloisella palautusavaimella (ei nykyisellä) ja näiden käyttäjien silloisilla salasanoilla: {users}.',
    opensOld: 'Avautuu vain silloisella palautusavaimella (ei nykyisellä).',
    passwordsNote:
      'Varmuuskopio aukeaa niillä salasanoilla, jotka käyttäjillä oli sitä otettaessa, vaikka salasana olisi sittemmin vaihdettu. Palauttaa voi vain omistaja.',
  },
  settings: {
    title: 'Muistutus ja säilytettävät kopiot',
    reminderDays: 'Muistuta, kun viimeisin varmuuskopio on näin vanha (päivää)',
    reminderHint: '1–90 päivää. Muistutus näkyy etusivulla kaikille käyttäjille.',
    keep: 'Säilytä kansiossa näin monta uusinta varmuuskopiota',
    keepHint: '1–100. Vanhempia poistetaan vain, kun pyydät sitä alla.',
    saved: 'Tallennettu.',
  },
  prune: {
    title: 'Poista vanhat varmuuskopiot',
    intro:
      'Kaappi poistaa valitusta kansiosta vanhimmat varmuuskopiot niin, että uusimpia jää {keep} kpl. Muihin kansion tiedostoihin ei kosketa. Kansion on oltava saatavilla (USB-tikku paikallaan).',
    noFolders: 'Poistettavaa ei ole: yhtään tarkistettua varmuuskopiota ei ole vielä otettu.',
    folder: 'Kansio',
    preview: 'Näytä, mitä poistettaisiin',
    nothing: 'Kansiossa on varmuuskopioita {kept} kpl, ei enempää kuin säilytetään. Mitään ei tarvitse poistaa.',
    wouldRemove: 'Nämä vanhat varmuuskopiot poistettaisiin ({count} kpl). Uusimmat jäävät kansioon ({kept} kpl).',
    remove: 'Poista vanhat varmuuskopiot ({count})',
    confirmTitle: 'Poistetaanko vanhat varmuuskopiot?',
    confirmText:
      'Kansiosta {folder} poistetaan pysyvästi vanhat varmuuskopiot ({count} kpl). Niistä ei voi enää palauttaa rekisteriä. Uusimmat jäävät ({kept} kpl).',
    confirm: 'Poista pysyvästi',
    removed: 'Vanhat varmuuskopiot poistettu ({count} kpl). Kansioon jäi {kept} kpl.',
    unreadable: 'Kansiota ei voitu lukea. Tarkista, että USB-tikku on paikallaan, ja yritä uudelleen.',
  },
  rotate: {
    title: 'Vaihda salausavain',
    intro:
      'Rekisteri salataan uudella avaimella. Tee näin esimerkiksi, jos epäilet, että salasana tai varmuuskopio on joutunut vääriin käsiin.',
    newRecoveryKey: 'Luo myös uusi palautusavain',
    newRecoveryKeyHint: 'Vanha palautusavain ei sen jälkeen avaa rekisteriä. Uusi avain näytetään vain kerran.',
    start: 'Vaihda salausavain…',
    confirmTitle: 'Vaihdetaanko salausavain?',
    confirmText:
      'Rekisteri salataan uudella avaimella. Käyttäjien salasanat pysyvät ennallaan. Aiemmat varmuuskopiot eivät muutu: ne aukeavat jatkossakin niillä salasanoilla ja sillä palautusavaimella, jotka olivat voimassa niitä tehtäessä.',
    confirmNewKey:
      'Saat uuden palautusavaimen, joka näytetään vain kerran. Säilytä myös vanha palautusavain niin kauan kuin sillä tehtyjä varmuuskopioita on tallessa.',
    confirmBackup: 'Ota vaihdon jälkeen uusi varmuuskopio.',
    confirm: 'Vaihda salausavain',
    running: 'Vaihdetaan…',
    done: 'Salausavain vaihdettu (versio {version}). Ota nyt uusi varmuuskopio.',
    keyTitle: 'Uusi palautusavain',
    keyIntro:
      'Tämä uusi avain avaa rekisterin, jos salasana unohtuu. Avain näytetään vain tämän kerran. Tulosta se tai kirjoita se paperille. Vanha palautusavain avaa enää vain vanhat varmuuskopiot.',
    keyContinue: 'Sulje',
  },
  restore: {
    link: 'Palauta varmuuskopiosta',
    firstRunLink: 'Onko sinulla jo varmuuskopio? Palauta rekisteri varmuuskopiosta',
    backToFirstRun: 'Takaisin uuden rekisterin luomiseen',
    title: 'Palauta varmuuskopiosta',
    intro:
      'Valitse varmuuskopion tiedosto (päättyy .manifest.json), esimerkiksi USB-tikulta. Näet ensin, mitä se sisältää; mitään ei muuteta ennen kuin vahvistat palautuksen.',
    choose: 'Valitse varmuuskopio…',
    choosing: 'Avataan valintaikkunaa…',
    cancelled: 'Tiedostoa ei valittu.',
    contentsTitle: 'Varmuuskopion sisältö',
    createdAt: 'Otettu',
    appVersion: 'Kaapin versio',
    schemaVersion: 'Tietokannan versio',
    keyVersion: 'Salausavaimen versio',
    file: 'Tiedosto',
    technical: 'Tekniset tiedot',
    counts: {
      persons: 'Henkilöt',
      organizations: 'Organisaatiot',
      employments: 'Työsuhteet',
      consent_events: 'Suostumus- ja kieltomerkinnät',
      orders: 'Tilaukset',
      contact_log: 'Yhteydenotot',
      users: 'Käyttäjät',
      audit_log: 'Tapahtumalokin merkinnät',
      tombstones: 'Poistomerkinnät (ei henkilötietoja)',
    } as Record<string, string>,
    chooseOther: 'Valitse toinen varmuuskopio',
    openWith: 'Avaa varmuuskopio',
    withPassword: 'Salasanalla',
    withRecoveryKey: 'Palautusavaimella',
    credentialsHint:
      'Käytä salasanaa, joka omistajalla oli varmuuskopion ottohetkellä, tai silloin voimassa ollutta palautusavainta.',
    username: 'Käyttäjätunnus (varmuuskopion ajalta)',
    password: 'Salasana (varmuuskopion ajalta)',
    recoveryKey: 'Palautusavain (varmuuskopion ajalta)',
    ownerOnly: 'Vain rekisterin omistaja voi palauttaa varmuuskopion. Anna omistajan käyttäjätunnus ja salasana.',
    loginNotice: 'Rekisteri palautettiin varmuuskopiosta. Kirjaudu sisään varmuuskopion ajan salasanalla.',
    replaceNote:
      'Palautus korvaa tämän tietokoneen nykyisen rekisterin. Nykyinen rekisteri säilytetään erillisenä tiedostona, kunnes vahvistat palautuksen kirjautumalla sisään.',
    submit: 'Palauta rekisteri',
    submitting: 'Palautetaan… (kopio tarkistetaan ja avataan)',
    back: 'Takaisin kirjautumiseen',
    doneTitle: 'Rekisteri palautettu',
    done: 'Rekisteri on palautettu varmuuskopiosta ja tarkistettu.',
    erasedNone:
      'Varmuuskopion ottamisen jälkeen ei ollut poistettu ketään, joten ketään ei tarvinnut poistaa uudelleen.',
    erasedOne:
      '1 henkilö poistettiin heti uudelleen, koska hänet oli poistettu rekisteristä varmuuskopion ottamisen jälkeen.',
    erasedMany:
      '{count} henkilöä poistettiin heti uudelleen, koska heidät oli poistettu rekisteristä varmuuskopion ottamisen jälkeen.',
    erasedWhy:
      'Kaappi pitää poistetuista henkilöistä luetteloa, jossa ei ole henkilötietoja. Siksi poistettu henkilö ei palaa varmuuskopion mukana.',
    keptAside:
      'Aiempi rekisteri säilytettiin muuttamattomana erillisenä tiedostona samassa kansiossa (nimessä ”before-restore”). Kun kirjaudut, voit vahvistaa palautuksen (aiempi poistetaan) tai perua sen (aiempi palaa käyttöön).',
    passwordsThen:
      'Palautetussa rekisterissä ovat voimassa varmuuskopion ottohetken salasanat. Kirjaudu nyt sisään palautettuun rekisteriin.',
    forgotThen:
      'Jos et muista silloista salasanaa, valitse kirjautumisessa ”Unohtuiko salasana? Käytä palautusavainta” ja anna sama palautusavain.',
    liveOwnerTitle: 'Tämän koneen rekisterin omistaja',
    liveOwnerHint:
      'Vain tällä koneella olevan rekisterin omistaja voi korvata sen varmuuskopiolla. Anna omistajan nykyinen salasana tai rekisterin palautusavain.',
    liveUsername: 'Omistajan käyttäjätunnus',
    livePassword: 'Omistajan salasana',
    liveRecoveryKey: 'Rekisterin palautusavain',
    separateCredentials:
      'Varmuuskopio aukeaa toisella salasanalla (salasana on vaihdettu varmuuskopion ottamisen jälkeen)',
    otherRegisterExplain:
      'Tämä varmuuskopio on toisesta rekisteristä kuin tällä koneella oleva. Jos palautat sen, nykyinen rekisteri korvataan kokonaan toisella.',
    otherRegisterConfirm: 'Korvaa silti: tiedän, että varmuuskopio on toisesta rekisteristä',
    otherRegisterDone: 'Rekisteri korvattiin toisen rekisterin varmuuskopiolla, kuten vahvistit.',
    usersRemovedAgain:
      'Nämä käyttäjät oli poistettu varmuuskopion ottamisen jälkeen, joten heidät poistettiin uudelleen ja rekisteri salattiin uudella avaimella: {names}.',
    toLogin: 'Kirjaudu palautettuun rekisteriin',
  },
  confirm: {
    title: 'Vahvista palautus',
    intro:
      'Rekisteri palautettiin {at} varmuuskopiosta, joka oli otettu {backupAt}. Aiempi rekisteri on vielä tallessa tällä koneella.',
    keep: 'Jos palautettu rekisteri on oikea, vahvista palautus. Aiempi rekisteri poistetaan silloin: siinä olisivat yhä ne henkilöt, jotka poistat rekisteristä tästä eteenpäin.',
    undo: 'Jos valitsit väärän varmuuskopion, peru palautus: aiempi rekisteri palaa käyttöön sellaisenaan ja palautettu poistetaan (varmuuskopio itse säilyy).',
    waiting: 'Muut käyttäjät voivat kirjautua vasta, kun olet valinnut.',
    erasedAgain: 'Palautuksessa poistettiin uudelleen {count} henkilöä, jotka oli poistettu varmuuskopion jälkeen.',
    confirmButton: 'Vahvista palautus',
    undoButton: 'Peru palautus',
    undone: 'Palautus peruttiin. Aiempi rekisteri on taas käytössä; kirjaudu siihen.',
  },
};
