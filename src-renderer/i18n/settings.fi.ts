// Finnish strings of the settings screen, the printed privacy notice, presets and the first-run setup step.
export const settingsFi = {
  nav: 'Asetukset',
  title: 'Asetukset',
  intro:
    'Rekisterin tiedot, joista Kaappi tekee tietosuojaselosteen. Tallenna kukin osa erikseen. Kun muutat jotain, tallenna seloste uudelleen.',
  ownerOnly: 'Vain rekisterin omistaja voi muuttaa asetuksia.',
  save: 'Tallenna',
  saving: 'Tallennetaan…',
  saved: 'Tallennettu.',
  errorsTitle: 'Tarkista merkityt kentät.',
  required: 'Tämä tieto tarvitaan.',
  fi: 'suomeksi',
  en: 'englanniksi',
  inFinnish: '{label} suomeksi',
  inEnglish: '{label} englanniksi',
  loadFailed: 'Asetuksia ei saatu luettua. Yritä uudelleen.',
  contents: 'Tällä sivulla',

  groups: {
    title: 'Rekisteröityjen ryhmät',
    intro:
      'Jokainen asiakkuuden laji on selosteessa oma ryhmänsä. Ryhmälle voi antaa oman tietoluettelon ja omat suoramarkkinointikanavat; muuten se noudattaa koko rekisterin valintoja. Kun jollakin ryhmällä on oma luettelo, seloste luettelee tiedot ryhmittäin.',
    groupTitle: 'Ryhmä: {group}',
    ownList: 'Ryhmällä on oma tietoluettelo',
    registerList: 'Ryhmä noudattaa rekisterin tietosisältöä.',
    categoriesLegend: 'Ryhmästä {group} tallennettavat tiedot',
    chooseOne: 'Valitse ainakin yksi tieto tai poista oma luettelo.',
    ownChannels: 'Ryhmällä on omat suoramarkkinointikanavat',
    registerChannels: 'Ryhmä noudattaa rekisterin suoramarkkinointivalintoja.',
    electronicStaysOptIn:
      'Sähköposti ja tekstiviesti ovat aina vain suostumuksella (sähköisen viestinnän palvelulaki 200 §); suoramarkkinointikielto estää aina.',
    fieldsTitle: 'Lisäkentät ryhmittäin',
    fieldsIntro:
      'Valitse ryhmät, joiden henkilöillä kenttä on. Kenttää ei voi rajata pois ryhmältä, jonka henkilöillä on siinä arvoja.',
    everyGroup: 'Ei valintaa: kenttä on kaikilla ryhmillä.',
  },

  notice: {
    title: 'Tietosuojaseloste',
    upToDate: 'Tietosuojaseloste on ajan tasalla (tallennettu {date}).',
    outOfDate:
      'Tietosuojaseloste on vanhentunut: asetuksia on muutettu sen tallentamisen jälkeen. Tallenna se uudelleen ja julkaise uusi versio.',
    never: 'Tietosuojaselostetta ei ole vielä tallennettu. Tallenna se, kun asetukset ovat valmiit.',
    savedNotReady: 'Tietosuojaseloste on tallennettu {date}, mutta se ei ole vielä valmis julkaistavaksi.',
    checklistLeft: 'Tarkistuslistalla on {count} tarkistamatonta kohtaa.',
    gapsTitle: 'Selosteesta puuttuu:',
    gaps: {
      'controller.name': 'rekisterinpitäjän nimi',
      'controller.contact': 'yhteystieto (sähköposti tai puhelin)',
      purposes: 'käyttötarkoitus suomeksi ja englanniksi',
      legalBases: 'käsittelyn peruste',
      balancingNote: 'oikeutetun edun punninta suomeksi ja englanniksi',
      retention: 'säilytysajat (säilytyssäännöt tai teksti)',
      transfers: 'valinta, siirretäänkö tietoja EU/ETA-alueen ulkopuolelle',
      transferSafeguard: 'EU/ETA-alueen ulkopuolisen siirron suojatoimi',
      securityCloud:
        'suojaustoimi "ei pilvipalvelussa" on ristiriidassa käsittelijöiden tai kumppanien palvelimien kanssa',
      cookiesText: 'evästeiden kuvaus suomeksi ja englanniksi',
    },
    previewFi: 'Esikatsele suomeksi',
    previewEn: 'Esikatsele englanniksi',
    previewRecord: 'Esikatsele seloste käsittelytoimista',
    previewLabel: 'Esikatselu: {title}',
    recordTitle: 'Seloste käsittelytoimista (Art. 30)',
    save: 'Tallenna tietosuojaseloste (HTML ja PDF)',
    saveRecord: 'Tallenna seloste käsittelytoimista (Art. 30)',
    savingFiles: 'Tallennetaan…',
    savedFiles: 'Tallennettu kansioon {folder}: {files}.',
    cancelled: 'Tallennus peruttiin.',
    close: 'Sulje',
    recordHint:
      'Seloste käsittelytoimista (tietosuoja-asetuksen 30 artikla) on omaan käyttöösi: sitä ei julkaista, mutta tietosuojavaltuutettu voi pyytää sen nähtäväksi.',
    saveHint:
      'Kaappi kysyy kansion ja tallentaa selosteen suomeksi ja englanniksi, HTML- ja PDF-tiedostoina. Julkaise seloste esimerkiksi verkkosivuillasi.',
  },

  derived: {
    title: 'Rekisteristä johdetut tiedot',
    intro:
      'Nämä Kaappi ottaa selosteeseen suoraan rekisteristä: asiakassuhteen lajit, käytössä olevat tiedot ja lisäkentät, tietolähteet sekä säilytyssääntöjen ajat.',
    subjectKinds: 'Keiden tietoja rekisterissä on',
    categories: 'Tietosisältö',
    sources: 'Tietolähteet',
    retention: 'Säilytyssääntöjen mukaiset ajat',
    none: 'Ei yhtään.',
    openRetention: 'Avaa säilytyssäännöt',
  },

  card: {
    title: 'Tietosuojaseloste',
    open: 'Avaa asetukset',
  },

  steps: {
    allDoneTitle: 'Asetukset ovat valmiit',
    allDoneText:
      'Tietosuojaseloste on tallennettu. Julkaise se siellä, missä lupaat sen olevan luettavissa. Seuraavaksi voit lisätä ensimmäisen asiakkaan ja ottaa ensimmäisen varmuuskopion etusivulta.',
    firstCustomer: 'Lisää ensimmäinen asiakas',
    toHome: 'Etusivulle',
    listLabel: 'Asetusten vaiheet',
    stepOf: 'Vaihe {number}/{total}',
    done: 'Valmis',
    notDone: 'Kesken',
    previous: '← Edellinen: {step}',
    next: 'Seuraava: {step} →',
    stepDone: '✓ Tämä vaihe on valmis.',
    stepNotDone: 'Tämä vaihe on kesken.',
    dataMissing: 'Valitse ainakin yksi tieto, jonka asiakkaista tallennat.',
    progress: '{done}/{total} valmiina',
    names: {
      controller: 'Yrityksesi tiedot',
      contact: 'Yhteyshenkilö',
      data: 'Tallennettavat tiedot',
      purposes: 'Käyttötarkoitus',
      recipients: 'Tietojen vastaanottajat',
      retention: 'Säilytys',
      security: 'Tietoturva',
      notice: 'Seloste valmiiksi',
    },
    intros: {
      controller:
        'Kuka rekisteriä pitää: yrityksesi nimi, Y-tunnus ja yhteystiedot. Voit aloittaa myös valmiista pohjasta, joka täyttää muut vaiheet puolestasi.',
      contact:
        'Keneen asiakas voi ottaa yhteyttä omista tiedoistaan ja minne hän voi tehdä valituksen. Riittää, että yrityksellä tai yhteyshenkilöllä on puhelin tai sähköposti.',
      data: 'Mitä tietoja asiakkaista tallennat ja mistä saat ne.',
      purposes: 'Mihin käytät tietoja ja millä perusteella, ja millä tavoin markkinoit.',
      recipients:
        'Ketkä muut käsittelevät tietoja puolestasi (esimerkiksi uutiskirjepalvelu tai kirjanpitäjä) ja siirtyvätkö tiedot EU:n ulkopuolelle.',
      retention: 'Kuinka kauan tietoja säilytetään. Säilytyssäännöt valitaan omalla sivullaan.',
      security: 'Miten tiedot suojataan.',
      notice:
        'Lopuksi: tarkista pohjan tarkistuslista ja tallenna seloste. Vaihe on valmis, kun selosteesta ei puutu mitään ja tallennettu seloste on ajan tasalla.',
    },
    homeTitle: 'Asetukset',
    homeProgress: 'Asetukset {done}/{total} valmis.',
    homeLeft: 'Kesken: {steps}.',
    homeContinue: 'Jatka: {step}',
    homeOpen: 'Avaa asetukset',
  },

  checklist: {
    title: 'Tarkistuslista',
    intro:
      'Pohja on lähtökohta, ei valmis seloste. Tarkista nämä ja muokkaa asetuksia tarvittaessa. Seloste on valmis julkaistavaksi, kun jokainen kohta on tarkistettu eikä selosteesta puutu mitään.',
    progress: '{done}/{total} kohtaa tarkistettu.',
    allDone: 'Kaikki kohdat on tarkistettu.',
  },
  presets: {
    title: 'Valmiit pohjat',
    intro:
      'Valitse yrityksesi kaltainen pohja: se tuo asiakkuuden lajit, tietolähteet, säilytyssäännöt ja selosteen tekstit. Omat yhteystietosi täytät itse, ja pohja jättää tarkistuslistan. Voit muokata kaikkea jälkeenpäin.',
    apply: 'Ota käyttöön',
    applyNamed: 'Ota käyttöön: {name}',
    confirmTitle: 'Otetaanko pohja käyttöön: {name}?',
    confirmIntro: 'Pohja muuttaa nämä asetukset:',
    changes: [
      'asiakassuhteen lajit ja tietolähteet: pohjan omat nimineen otetaan käyttöön, muut poistuvat uusien henkilöiden valinnoista (jo tallennettujen tiedot säilyvät)',
      'lisäkentät: pohjan kentät lisätään',
      'säilytyssäännöt: pohjan säännöt otetaan käyttöön, muut kytketään pois päältä',
      'selosteen tekstit (rekisterin nimi, käyttötarkoitus, perusteet, tietosisältö, käsittelijät, tietoturva, evästeet) korvataan pohjan teksteillä',
      'tarkistuslista alkaa alusta: seloste on valmis vasta, kun olet tarkistanut sen kohdat',
    ],
    confirmKeep:
      'Rekisterinpitäjän, yhteyshenkilön ja valvontaviranomaisen tiedot sekä asiakkaiden tiedot säilyvät ennallaan.',
    confirm: 'Ota pohja käyttöön',
    applied: 'Pohja ”{name}” otettiin käyttöön.',
    none: 'Pohjia ei löytynyt.',
    problems: 'Näitä pohjatiedostoja ei voitu lukea:',
  },

  sections: {
    bases: {
      legend: 'Käsittelyn peruste',
      intro: 'Millä perusteella käsittelet asiakkaiden tietoja? Valitse yksi tai useampi.',
      legitimateInterest: 'Oikeutettu etu',
      contract: 'Sopimus (asiakassuhde)',
      consent: 'Suostumus',
      legalObligation: 'Lakisääteinen velvoite',
      explanation: 'Perusteen selitys',
      balancingNote: 'Oikeutetun edun punninta',
      balancingHint:
        'Tarvitaan, kun peruste on oikeutettu etu: miksi etusi on asiakkaan etua tärkeämpi ja miten asiakas voi kieltää käsittelyn.',
      balancingRequired: 'Kirjoita punninta: peruste on oikeutettu etu.',
      chooseOne: 'Valitse vähintään yksi peruste.',
    },
    processors: {
      legend: 'Käsittelijät ja siirrot',
      intro: 'Palvelut, jotka käsittelevät tietoja puolestasi, esimerkiksi Mailchimp, Google Forms tai tilitoimisto.',
      none: 'Ei käsittelijöitä.',
      processor: 'Käsittelijä {number}',
      name: 'Nimi',
      receives: 'Mitä tietoja se saa',
      location: 'Missä tietoja käsitellään',
      outsideEea: 'Tietoja siirretään EU/ETA-alueen ulkopuolelle',
      safeguard: 'Siirron suojatoimi',
      safeguardRequired: 'Kirjoita siirron suojatoimi: tietoja siirretään EU/ETA-alueen ulkopuolelle.',
      safeguardHint: 'Esimerkiksi EU:n vakiosopimuslausekkeet tai EU–USA-tietosuojakehys.',
      add: 'Lisää käsittelijä',
      remove: 'Poista käsittelijä {name}',
      unnamed: '(nimetön)',
      transfers: 'Siirrot EU/ETA-alueen ulkopuolelle',
      transferChoice: 'Mihin tiedot menevät?',
      transferChoiceHint: 'Seloste kertoo valintasi. Ennen valintaa seloste ei väitä siirroista mitään.',
      transferChoices: {
        notTransferred: 'Tietoja ei siirretä EU/ETA-alueen ulkopuolelle',
        partnersInEea: 'Tietoja käsitellään kumppanien palvelimilla EU/ETA-alueella',
        partnersLocationUnknown: 'Tietoja käsitellään kumppanien palvelimilla, sijainti ei ole tiedossa',
        outsideEeaSafeguard: 'Tietoja siirretään EU/ETA-alueen ulkopuolelle suojatoimin',
      },
      transferForced:
        'Ainakin yksi käsittelijä käsittelee tietoja EU/ETA-alueen ulkopuolella, joten siirto on suojatoimin.',
      transfersText: 'Siirrot omin sanoin (esimerkiksi suojatoimi)',
      transfersSafeguardRequired: 'Kirjoita siirron suojatoimi: tietoja siirretään EU/ETA-alueen ulkopuolelle.',
    },
    security: {
      legend: 'Tietoturva',
      intro:
        'Valitse, mitkä suojaustoimet pitävät paikkansa: seloste luettelee vain valitut, alla näkyvin sanamuodoin. Voit lisätä omaa tekstiä.',
      measuresLegend: 'Suojaustoimet',
      measures: {
        encryptedHere: 'Rekisteri on salattuna tällä tietokoneella',
        notInCloud: 'Ei pilvipalvelussa: tiedot ovat vain tällä tietokoneella',
        partnerServers: 'Tietoja on myös kumppanin palvelimilla (verkkokauppa, ajanvaraus, uutiskirjepalvelu)',
        backupsEncrypted: 'Varmuuskopiot ovat salattuja',
        personalLogins: 'Henkilökohtaiset tunnukset ja loki',
        confidentiality: 'Työntekijät allekirjoittavat salassapitositoumuksen',
        paperLocked: 'Paperiset asiakirjat ovat lukitussa tilassa',
        noPaper: 'Paperisia asiakirjoja ei ole',
      },
      printed: 'Selosteeseen: {text}',
      excludes: 'Valinta poistaa valinnan ”{other}”.',
      manual: 'Omaa tekstiä: paperiaineisto',
      electronic: 'Omaa tekstiä: sähköiset tiedot',
    },
    texts: {
      legend: 'Johdanto, lähteet ja luovutukset',
      sourcesTitle: 'Mistä tiedot saadaan ja miten siitä kerrotaan',
      noticeTitle: 'Selosteen johdanto ja missä se on luettavissa',
      introduction: 'Johdanto',
      introductionHint: 'Tulostuu selosteen alkuun otsikkotietojen jälkeen. Tyhjänä johdantoa ei tulosteta.',
      informing: 'Miten henkilöille kerrotaan rekisteröinnistä',
      sources: 'Säännönmukaiset tietolähteet',
      disclosures: 'Tietojen luovutukset',
      systems: 'Järjestelmät, joissa tiedot ovat',
      retention: 'Säilytysaika',
      retentionHint: 'Säilytyssäännöistä johdetut ajat tulostuvat tämän tekstin jälkeen.',
      noticeLocation: 'Missä seloste on luettavissa',
      noticeLocationHint: 'Esimerkiksi verkko-osoite tai ”toimipisteessämme”.',
    },
    marketing: {
      legend: 'Suoramarkkinointi kanavittain',
      intro:
        'Valitse kullekin kanavalle, tarvitaanko henkilön suostumus vai saako markkinoida, kunnes henkilö kieltää. Postituslistat, osoitetarrat ja tietosuojaseloste noudattavat valintaa; suoramarkkinointikielto estää aina.',
      channels: { email: 'Sähköposti', sms: 'Tekstiviesti', phone: 'Puhelin', post: 'Posti' },
      optIn: 'Vain suostumuksella',
      optOut: 'Sallittu, kunnes henkilö kieltää',
      consentOnly:
        'Vain suostumuksella: sähköinen suoramarkkinointi kuluttajille vaatii aina ennakkosuostumuksen (sähköisen viestinnän palvelulaki 200 §).',
    },
    cookies: {
      legend: 'Evästeet ja verkkosivut',
      used: 'Verkkosivuilla käytetään evästeitä',
      websites: 'Verkkosivujen osoitteet',
      text: 'Mitä evästeet keräävät',
      textRequired: 'Kerro, mitä evästeet keräävät.',
    },
    categories: {
      legend: 'Rekisterin tietosisältö',
      intro:
        'Valitse tiedot, joita tallennat asiakkaista: seloste luettelee valitut. Voit kirjoittaa tiedolle oman sanamuodon; tyhjä kenttä tulostaa ehdotetun.',
      wordingFi: 'Oma sanamuoto suomeksi',
      wordingEn: 'Oma sanamuoto englanniksi',
      always: 'Tulostetaan aina: Kaappi tallentaa tämän jokaisesta.',
      inUse:
        'Rekisterissä on jo tällaisia tietoja, joten seloste mainitsee ne joka tapauksessa. Valitse tämä, jos haluat kirjoittaa oman sanamuodon.',
    },
    headings: {
      legend: 'Selosteen otsikot',
      intro:
        'Seloste käyttää ehdotettuja otsikoita. Kirjoita oma otsikko vain, jos haluat toisen sanamuodon, esimerkiksi aiemman selosteesi. Tyhjä kenttä tulostaa ehdotetun.',
      show: 'Näytä otsikot ({count}, omia {own})',
    },
  },

  setup: {
    title: 'Rekisterin perustiedot',
    intro:
      'Nämä tiedot tulevat tietosuojaselosteeseen ja asiakkaille lähteviin kirjeisiin. Voit täydentää ja muuttaa niitä myöhemmin kohdassa Asetukset.',
    controllerName: 'Yrityksen tai toiminimen nimi',
    email: 'Sähköposti',
    phone: 'Puhelin',
    presetLegend: 'Valmis pohja (valinnainen)',
    presetNone: 'Ei pohjaa, täytän asetukset itse',
    contactRequired: 'Anna sähköposti tai puhelinnumero.',
    emailInvalid: 'Tarkista sähköpostiosoite.',
    save: 'Tallenna ja jatka',
    skip: 'Ohita, täytän myöhemmin',
  },
};
