// Names of the consent vocabulary in running text (a letter, a report, the command line), one catalog
// per language; the renderer's forms use their own shorter labels under a heading.
import type { Language } from './language';
import type { ConsentSubject } from './vocabulary';

type ConsentLabels = Record<`consent_${ConsentSubject}`, string>;

export const consentLabels: Record<Language, ConsentLabels> = {
  fi: {
    consent_email: 'sähköpostimarkkinointi',
    consent_sms: 'tekstiviestimarkkinointi',
    consent_phone: 'puhelinmarkkinointi',
    consent_post: 'postimarkkinointi',
    consent_ban_direct_marketing: 'suoramarkkinointikielto',
    consent_ban_publication: 'luettelointikielto',
    consent_ban_research: 'markkina- ja mielipidetutkimuskielto',
    consent_ban_profiling: 'profilointikielto',
  },
  en: {
    consent_email: 'email marketing',
    consent_sms: 'SMS marketing',
    consent_phone: 'phone marketing',
    consent_post: 'marketing by post',
    consent_ban_direct_marketing: 'direct marketing ban',
    consent_ban_publication: 'ban on publishing in lists',
    consent_ban_research: 'market and opinion research ban',
    consent_ban_profiling: 'profiling ban',
  },
};
