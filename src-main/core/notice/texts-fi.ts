// Finnish texts of the privacy notice (tietosuojaseloste), the Art. 30 record and the short
// information text. texts-en.ts has the same keys (the compiler checks); {name} marks a parameter.
// Headings follow the wording of the seed notices where they agree (002, 004).
export const noticeFi = {
  empty: '—',
  title: 'Tietosuojaseloste',
  metaLaw: 'EU:n yleinen tietosuoja-asetus (2016/679), 13 ja 14 artikla',
  metaDate: 'Laadittu {date}',

  heading_controller: 'Rekisterinpitäjä',
  heading_contactPerson: 'Yhteyshenkilö rekisteriä koskevissa asioissa',
  heading_registerName: 'Rekisterin nimi',
  heading_purpose: 'Henkilötietojen käsittelyn tarkoitus',
  heading_legalBasis: 'Käsittelyn oikeusperuste',
  heading_legitimateInterest: 'Oikeutetun edun peruste',
  heading_dataSubjects: 'Rekisteröityjen ryhmät',
  heading_informing: 'Rekisteröinnistä informointi',
  heading_dataContent: 'Rekisterin tietosisältö',
  heading_sources: 'Säännönmukaiset tietolähteet',
  heading_disclosures: 'Tietojen säännönmukaiset luovutukset',
  heading_transfers: 'Tietojen siirto EU:n tai ETA:n ulkopuolelle',
  heading_processors: 'Henkilötietojen käsittelijät',
  heading_systems: 'Järjestelmät, joissa henkilötietoja käsitellään',
  heading_retention: 'Henkilötietojen säilyttämisaika',
  heading_securityManual: 'Rekisterin suojauksen periaatteet A: Manuaalinen aineisto',
  heading_securityElectronic: 'Rekisterin suojauksen periaatteet B: Sähköinen aineisto',
  heading_rights: 'Rekisteröidyn oikeudet',
  heading_rightAccess: 'Tarkastusoikeus, eli oikeus saada pääsy henkilötietoihin',
  heading_rightRectification: 'Oikeus vaatia tiedon korjaamista',
  heading_rightErasure: 'Oikeus tulla unohdetuksi',
  heading_rightRestriction: 'Rajoittamisoikeus',
  heading_rightObjection: 'Vastustamisoikeus',
  heading_rightPortability: 'Oikeus siirtää tiedot järjestelmästä toiseen',
  heading_rightOther: 'Muut henkilötietojen käsittelyyn liittyvät oikeudet',
  heading_rightComplaint: 'Oikeus tehdä valitus valvontaviranomaiselle',
  heading_cookies: 'Evästeet',

  category_name: 'nimi',
  category_jobTitle: 'työnimike',
  category_phone: 'puhelinnumero',
  category_email: 'sähköpostiosoite',
  category_address: 'postiosoite',
  category_birthDate: 'syntymäaika',
  category_age: 'ikä',
  category_www: 'www-osoite',
  category_ipAddress: 'IP-osoite',
  category_notes: 'vapaamuotoiset lisätiedot',
  category_organization: 'edustettu yritys tai yhteisö ja sen yhteystiedot',
  category_orders: 'tiedot tilauksista ja ostetuista palveluista',
  category_billing: 'laskutustiedot',
  category_interests: 'kiinnostuksen kohteet',
  category_feedback: 'asiakaspalautteet ja yhteydenotot',
  category_marketingChannels: 'suoramarkkinointiluvat kanavittain (sähköposti, tekstiviesti, puhelin, posti)',
  category_directMarketingBan: 'tieto suoramarkkinointikiellosta',
  category_bans:
    'rekisteröidyn asettamat kiellot (suoramarkkinointi, luettelointi, markkina- ja mielipidetutkimus, profilointi)',
  category_relationship: 'asiakkuuden laji ja tila (aktiivinen, passivoitu, päättynyt) päivämäärineen',
  category_registration: 'tietojen lähde, tallennuspäivä, asiointikieli ja päivä, jolloin rekisteröinnistä on kerrottu',
  category_usageData:
    'evästeillä kerätyt tiedot ja verkkosivujen käyttötiedot (esimerkiksi selain, käynnit ja klikkaukset)',
  category_profiling:
    'profilointitiedot (kiinnostuksen kohteiden ja ostohistorian perusteella muodostetut asiakasryhmät)',

  basis_legitimateInterest: 'rekisterinpitäjän oikeutettu etu (tietosuoja-asetuksen 6 artiklan 1 kohdan f alakohta)',
  basis_contract: 'sopimus tai sopimusta edeltävät toimet (6 artiklan 1 kohdan b alakohta)',
  basis_consent: 'rekisteröidyn suostumus (6 artiklan 1 kohdan a alakohta)',
  basis_legalObligation:
    'rekisterinpitäjän lakisääteinen velvoite, kuten kirjanpitolaki (6 artiklan 1 kohdan c alakohta)',
  basesIntro: 'Henkilötietojen käsittely perustuu seuraaviin perusteisiin:',
  marketingIntro: 'Suoramarkkinointia lähetetään kanavittain näin:',
  marketingChannel_email: 'Sähköposti',
  marketingChannel_sms: 'Tekstiviesti',
  marketingChannel_phone: 'Puhelin',
  marketingChannel_post: 'Posti',
  marketing_optIn: '{channel}: vain suostumuksellasi, jonka voit perua milloin tahansa.',
  marketing_optOut: '{channel}: ilman erillistä suostumusta, kunnes kiellät sen. Voit kieltää sen milloin tahansa.',

  businessId: 'Y-tunnus {id}',
  contactFallback: 'Rekisteriä koskevissa asioissa palvelee rekisterinpitäjä (yhteystiedot yllä).',
  subjectsIntro: 'Rekisteriin tallennetaan tietoja seuraaviin ryhmiin kuuluvista henkilöistä:',
  contentIntro: 'Rekisteriin voidaan tallentaa seuraavat tiedot:',
  contentByGroupIntro: 'Rekisteriin voidaan tallentaa ryhmittäin seuraavat tiedot:',
  sourcesListIntro: 'Tiedot saadaan seuraavista lähteistä:',
  disclosuresNone: 'Tietoja ei luovuteta säännönmukaisesti rekisterinpitäjän ulkopuolelle.',
  transfer_notTransferred: 'Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.',
  transfer_partnersInEea:
    'Tietoja käsitellään yhteistyökumppanien palvelimilla, jotka sijaitsevat EU:n tai ETA:n alueella.',
  transfer_partnersLocationUnknown:
    'Tietoja käsitellään myös yhteistyökumppanien palvelimilla, joiden sijainti ei ole rekisterinpitäjän tiedossa; tietoja voidaan siten käsitellä myös EU:n tai ETA:n ulkopuolella.',
  transfer_outsideEeaSafeguard:
    'Tietoja siirretään EU:n tai ETA:n ulkopuolelle tietosuoja-asetuksen V luvun mukaisin suojatoimin.',
  transfersIntro: 'Seuraavat henkilötietojen käsittelijät voivat käsitellä tietoja EU:n tai ETA:n ulkopuolella:',
  transferLine: '{name} ({location}): {safeguard}',
  transferNoSafeguard: 'siirron suojatoimea ei ole kirjattu',
  processorsIntro:
    'Rekisterinpitäjä käyttää seuraavia henkilötietojen käsittelijöitä, jotka käsittelevät tietoja vain rekisterinpitäjän lukuun ja sen ohjeiden mukaan:',
  processorsNone: 'Rekisterinpitäjä ei käytä henkilötietojen käsittelijöitä.',
  processor_name: 'Käsittelijä',
  processor_receives: 'Mitä tietoja',
  processor_location: 'Missä',
  processor_safeguard: 'Siirron suojatoimi',
  processor_notTransferred: 'ei siirtoa EU:n tai ETA:n ulkopuolelle',

  retention_inactive: 'Jos asiakassuhde ei ole ollut aktiivinen {periodIllative}, henkilön tiedot {action}.',
  retention_passive_not_moved:
    'Jos passivoitu henkilö ei siirry uuden asiakasorganisaation palvelukseen {periodGenitive} kuluessa passivoinnista, hänen tietonsa {action}.',
  retention_after_end: 'Henkilön tiedot {action} {periodGenitive} kuluttua asiakkuuden päättymisestä.',
  retention_prospect_not_converted:
    'Potentiaalisen asiakkaan tiedot {action}, jos hänestä ei ole tullut asiakasta {periodGenitive} kuluessa tietojen tallentamisesta.',
  retentionAction_delete: 'poistetaan',
  retentionAction_anonymise: 'anonymisoidaan',
  retentionKinds: '(Koskee ryhmiä: {kinds}.)',
  retentionBookkeeping:
    'Tilaukset ja laskut (päivä, summa, kuvaus, maksun tila) säilytetään kirjanpitoaineistona kirjanpitolain edellyttämän ajan, {period} tilikauden päättymisestä, myös kun henkilön muut tiedot poistetaan; niitä ei silloin enää yhdistetä henkilöön.',
  retentionOnRequest:
    'Tiedot poistetaan myös rekisteröidyn pyynnöstä, ellei lainsäädäntö, avoin lasku tai perintä estä poistamista. Poistetusta henkilöstä ei jää rekisteriin henkilötietoja.',

  security_encryptedHere: 'Rekisteri on tallennettu salattuna (AES-256) rekisterinpitäjän tietokoneelle.',
  security_notInCloud:
    'Rekisteriä ei lähetetä pilvipalveluun: tiedot ovat vain rekisterinpitäjän tietokoneella ja sen salatuissa varmuuskopioissa.',
  security_partnerServers:
    'Osa tiedoista on myös yhteistyökumppanien palvelimilla (esimerkiksi verkkokauppa, ajanvarausjärjestelmä tai uutiskirjepalvelu), jotka käsittelevät niitä rekisterinpitäjän lukuun ja suojaavat ne omin tietoturvatoimin.',
  security_backupsEncrypted: 'Myös rekisterin varmuuskopiot ovat salattuja.',
  security_personalLogins:
    'Jokaisella käyttäjällä on henkilökohtainen käyttäjätunnus ja salasana, ja käyttöoikeudet on rajattu tehtävien mukaan. Jokaisesta tietojen katselusta, muutoksesta, viennistä ja poistosta jää merkintä lokiin.',
  security_confidentiality: 'Jokainen rekisteriä käyttävä työntekijä on allekirjoittanut salassapitositoumuksen.',
  security_paperLocked: 'Paperiset asiakirjat säilytetään lukituissa tiloissa.',
  security_noPaper: 'Rekisterin tietoja ei säilytetä paperilla.',

  rightsIntro: 'Rekisteröidyllä on alla kuvatut oikeudet. Pyynnöt voi osoittaa rekisterin yhteyshenkilölle: {contact}.',
  rightsHow:
    'Pyynnön voi tehdä kirjallisesti, sähköpostilla tai henkilökohtaisesti. Jotta tiedot eivät päädy väärälle henkilölle, rekisterinpitäjä voi pyytää tietoja henkilöllisyyden vahvistamiseksi, esimerkiksi tarkistamalla henkilöllisyystodistuksen, vastaamalla rekisterissä olevaan sähköpostiosoitteeseen tai soittamalla rekisterissä olevaan puhelinnumeroon.',
  rightsDeadline:
    'Vastaamme pyyntöön viipymättä ja viimeistään kuukauden kuluessa sen saapumisesta. Jos pyyntöjä on paljon tai ne ovat monimutkaisia, määräaikaa voidaan jatkaa enintään kahdella kuukaudella; jatkosta kerrotaan ensimmäisen kuukauden aikana.',
  rightAccess_text:
    'Rekisteröidyllä on oikeus tarkistaa, mitä tietoja hänestä on rekisterissä, ja saada niistä jäljennös. Tarkastuspyynnön voi tehdä suomeksi tai englanniksi.',
  rightRectification_text:
    'Rekisterissä oleva, käsittelyn tarkoituksen kannalta virheellinen, tarpeeton, puutteellinen tai vanhentunut henkilötieto oikaistaan, poistetaan tai täydennetään. Korjauspyynnössä kerrotaan, mitä tietoja pyydetään korjaamaan ja millä perusteella. Korjaaminen tehdään viivytyksettä, ja korjauksesta ilmoitetaan sille, jolta virheelliset tiedot on saatu tai jolle ne on luovutettu. Jos korjauspyyntö evätään, rekisterinpitäjä antaa kirjallisen todistuksen, jossa mainitaan epäämisen syyt; epäämisen voi saattaa tietosuojavaltuutetun ratkaistavaksi.',
  rightErasure_text:
    'Rekisteröidyllä on oikeus vaatia tietojensa poistamista. Tiedot poistetaan kaikkialta rekisteristä, ellei lainsäädäntö, avoin lasku tai perintä estä poistamista; esteestä kerrotaan pyytäjälle.',
  rightRestriction_text:
    'Rekisteröidyllä on oikeus pyytää tietojensa käsittelyn rajoittamista esimerkiksi silloin, kun hän kiistää tietojen paikkansapitävyyden. Rajoituksen aikana tietoja ainoastaan säilytetään.',
  rightObjection_text:
    'Rekisteröidyllä on oikeus vastustaa oikeutettuun etuun perustuvaa tietojensa käsittelyä erityiseen tilanteeseensa liittyvällä perusteella sekä milloin tahansa suoramarkkinointia.',
  rightPortability_text:
    'Rekisteröidyllä on oikeus saada itse toimittamansa tiedot jäsennellyssä, yleisesti käytetyssä ja koneellisesti luettavassa muodossa ja siirtää ne järjestelmästä toiseen, kun käsittely perustuu suostumukseen tai sopimukseen.',
  rightOther_text:
    'Rekisteröidyllä on oikeus kieltää tietojensa käsittely ja luovuttaminen suoramainontaa, etämyyntiä ja muuta suoramarkkinointia, markkina- ja mielipidetutkimusta sekä profilointia varten, kieltää tietojensa julkaiseminen luettelossa (esimerkiksi postitustarroissa) sekä vaatia tietojen anonymisointia soveltuvin osin.',
  rightComplaint_text:
    'Jos rekisteröity katsoo, että häntä koskevassa henkilötietojen käsittelyssä on rikottu tietosuoja-asetusta, hänellä on oikeus tehdä valitus valvontaviranomaiselle. Valituksen voi tehdä myös siinä jäsenvaltiossa, jossa hänellä on vakinainen asuinpaikka tai työpaikka. Kansallisen valvontaviranomaisen yhteystiedot:',
  cookiesWebsites: 'Verkkosivut: {websites}',

  record_title: 'Seloste käsittelytoimista',
  record_meta: 'EU:n yleisen tietosuoja-asetuksen (2016/679) 30 artiklan 1 kohta',
  record_controller: 'Rekisterinpitäjä',
  record_contact: 'Yhteyshenkilö',
  record_activity: 'Käsittelytoimi',
  record_purposes: 'Käsittelyn tarkoitukset',
  record_bases: 'Käsittelyn oikeusperusteet',
  record_subjects: 'Rekisteröityjen ryhmät',
  record_categories: 'Henkilötietoryhmät',
  record_sources: 'Tietolähteet',
  record_recipients: 'Vastaanottajat ja vastaanottajaryhmät',
  record_processors: 'Henkilötietojen käsittelijät',
  record_transfers: 'Siirrot kolmansiin maihin ja suojatoimet',
  record_retention: 'Poistamisen määräajat',
  record_security: 'Teknisten ja organisatoristen turvatoimien yleiskuvaus',
  record_users: 'Rekisterin käyttäjät',
  record_usersLine: 'omistajia {owner}, työntekijöitä {staff}, lukuoikeudella {readonly}',

  inform_greeting: 'Hei {name},',
  inform_greetingGeneric: 'Hei,',
  inform_who: 'kerromme, että tietosi on tallennettu rekisteriin "{register}", jota pitää {controller}.',
  inform_whoUnnamed: 'kerromme, että tietosi on tallennettu rekisteriin "{register}".',
  inform_source: 'Saimme tietosi: {source}.',
  inform_why: 'Käytämme tietoja näihin tarkoituksiin:',
  inform_notice:
    'Koko tietosuojaseloste, jossa kerrotaan tarkemmin tallennettavista tiedoista, säilytysajoista ja oikeuksistasi, on saatavilla: {location}.',
  inform_noticeOnRequest:
    'Koko tietosuojaselosteen, jossa kerrotaan tarkemmin tallennettavista tiedoista, säilytysajoista ja oikeuksistasi, saat pyytämällä: {contact}.',
  inform_rights:
    'Sinulla on oikeus tarkastaa tietosi, pyytää niiden oikaisemista tai poistamista, pyytää käsittelyn rajoittamista, vastustaa käsittelyä, siirtää tietosi järjestelmästä toiseen ja kieltää suoramarkkinointi. Pyynnöt voit osoittaa: {contact}.',
  inform_noticeOnRequestUnnamed:
    'Koko tietosuojaselosteen, jossa kerrotaan tarkemmin tallennettavista tiedoista, säilytysajoista ja oikeuksistasi, saat pyytämällä vastaamalla tähän viestiin.',
  inform_rightsUnnamed:
    'Sinulla on oikeus tarkastaa tietosi, pyytää niiden oikaisemista tai poistamista, pyytää käsittelyn rajoittamista, vastustaa käsittelyä, siirtää tietosi järjestelmästä toiseen ja kieltää suoramarkkinointi. Pyynnöt voit lähettää vastaamalla tähän viestiin.',
  inform_complaint: 'Sinulla on myös oikeus tehdä valitus valvontaviranomaiselle ({authority}, {www}).',
  inform_closing: 'Ystävällisin terveisin',
} as const;
