/** Who is in the shared document besides this window: each name in its colour (the colour of their caret). */
import { useAppTranslation } from '../i18n';
import { personColor } from './colors';
import type { Peer } from './session';

export function Presence({ me, myColor, peers }: { me: string | undefined; myColor: string | undefined; peers: Peer[] }) {
  const { t } = useAppTranslation();
  return (
    <div className="team-presence" data-testid="team-presence">
      <h3>{t('team.present')}</h3>
      <ul>
        {me !== undefined && (
          <li data-testid="team-me">
            <span className="team-dot" aria-hidden="true" style={{ background: myColor ?? personColor(me) }} /> {t('team.you', { name: me })}
          </li>
        )}
        {peers.map((p) => (
          <li key={p.clientId} data-testid="team-peer" data-name={p.name} style={{ color: p.color }}>
            <span className="team-dot" aria-hidden="true" style={{ background: p.color }} /> {p.name}
          </li>
        ))}
      </ul>
      {peers.length === 0 && <p className="mf-hint">{t('team.alone')}</p>}
    </div>
  );
}
