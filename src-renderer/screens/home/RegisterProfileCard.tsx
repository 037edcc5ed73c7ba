// The dashboard's card for the controller details the letters are filled in from (owner).
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';

export function RegisterProfileCard({ onOpen }: { onOpen: () => void }) {
  const { messages } = useI18n();
  const t = messages.requests.profile;
  const profile = useChannel('settings.registerProfile', {}, []).data;
  const controller = profile?.controller;
  const missing = profile !== null && !controller?.name.trim();
  return (
    <section className="card" aria-labelledby="profile-card-title">
      <h2 id="profile-card-title">{t.title}</h2>
      {profile === null ? (
        <p className="muted">{messages.loading}</p>
      ) : missing ? (
        <p className="notice">{t.cardMissing}</p>
      ) : (
        <p>
          {[controller?.name, controller?.businessId, [controller?.postalCode, controller?.city].join(' ').trim()]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      <button type="button" className={missing ? 'button button--primary' : 'button'} onClick={onOpen}>
        {t.cardOpen}
      </button>
    </section>
  );
}
