/**
 * The Team panel of the workspace (issue 15). A dossier not shared: "Share with the team" (the
 * host sends it to the configured server, records it, and the editor reopens bound to the shared
 * document). A shared one: the connection as it is (connected, offline with edits kept in the
 * library, or refused, with the server's reason), who is there, and an invitation to give a
 * colleague, with a role.
 */
import { useEffect, useState } from 'react';
import { TEAM_ROLES, VERSION_NOT_SHARED, type TeamRole, type TeamStatus } from '../../shared/team';
import { api } from '../api';
import { useAppTranslation } from '../i18n';
import type { WorkspaceContext } from '../workspace/context';
import { teamErrorText } from './errors';
import { Presence } from './Presence';
import { useTeamState } from './session';
import './team.css';

export function TeamPanel({ ctx }: { ctx: WorkspaceContext }) {
  const { t } = useAppTranslation();
  const state = useTeamState();
  const team = ctx.dossier.team;
  const [status, setStatus] = useState<TeamStatus | null | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [role, setRole] = useState<TeamRole>('editor');
  const [code, setCode] = useState<string | undefined>();

  useEffect(() => {
    void api.invoke('team.status').then((r) => (r.ok ? setStatus(r.value) : setError(teamErrorText(t, r.error))));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per panel shown
  }, []);

  const share = async () => {
    setBusy(true);
    setError(undefined);
    await ctx.actions.flush();
    const r = await api.invoke('team.share', { id: ctx.dossier.id });
    setBusy(false);
    if (!r.ok) return setError(teamErrorText(t, r.error));
    ctx.actions.announce(t('team.shared'));
    await ctx.actions.reopen();
  };
  const invite = async () => {
    setBusy(true);
    setError(undefined);
    const r = await api.invoke('team.invite', { id: ctx.dossier.id, role });
    setBusy(false);
    if (!r.ok) return setError(teamErrorText(t, r.error));
    setCode(r.value.code);
  };

  // The server's reason in the interface's words where it has some.
  const refusal = (message: string, versionLocal: boolean): string => {
    if (message === 'Unauthorized') return t('team.badToken');
    if (message === 'Forbidden') return t('team.notMember');
    if (message === VERSION_NOT_SHARED) return t('team.versionNotShared');
    return versionLocal ? t('team.versionLocal', { message }) : t('team.refused', { message });
  };
  const alert = error && (
    <p className="mf-error" role="alert" data-testid="team-error">
      {error}
    </p>
  );
  if (!team) {
    return (
      <div className="team-panel" data-testid="team-panel" data-shared="false">
        <p>{t('team.notShared')}</p>
        {status === null && <p className="mf-hint" data-testid="team-not-connected">{t('team.connectFirst')}</p>}
        <button type="button" className="primary" data-testid="team-share" disabled={busy || !status || ctx.mode === 'read'} onClick={() => void share()}>
          {t('team.share')}
        </button>
        {alert}
      </div>
    );
  }
  const connection = state?.connection ?? 'loading';
  return (
    <div className="team-panel" data-testid="team-panel" data-shared="true">
      <p className="team-connection" data-testid="team-connection" data-state={connection} role="status">
        <span className={`team-light team-${connection}`} aria-hidden="true" /> {t(`team.connection.${connection}`, { server: team.server })}
        {connection !== 'connected' && state && state.unsynced > 0 ? ` ${t('team.kept')}` : ''}
      </p>
      {state?.sharingVersion && (
        <p className="mf-hint" role="status" data-testid="team-version-sharing">
          {t('team.versionSharing')}
        </p>
      )}
      {state?.message && (connection === 'refused' || connection === 'offline') && (
        <p className="mf-error" role="alert" data-testid="team-refused">
          {refusal(state.message, state.versionLocal === true)}
        </p>
      )}
      {/* A refused token: the library's copy goes on taking the edits, as offline. */}
      {connection === 'refused' && state?.message === 'Unauthorized' && state.loaded && (
        <p className="mf-hint" data-testid="team-kept-locally">
          {t('team.keptUntilInvitation')}
        </p>
      )}
      {team.role !== 'editor' && <p className="mf-hint">{t(`team.roleNote.${team.role}`)}</p>}
      <Presence me={status?.personName} myColor={state?.myColor} peers={state?.peers ?? []} />
      {team.role === 'editor' && connection !== 'refused' && (
        <div className="team-invite">
          <h3>{t('team.invite')}</h3>
          <label htmlFor="team-role">{t('team.role')}</label>{' '}
          <select id="team-role" data-testid="team-role" value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
            {TEAM_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`team.roles.${r}`)}
              </option>
            ))}
          </select>{' '}
          <button type="button" data-testid="team-invite" disabled={busy} onClick={() => void invite()}>
            {t('team.makeInvitation')}
          </button>
          {code && (
            <p>
              {t('team.invitationFor')} <code className="team-code" data-testid="team-invite-code">{code}</code>
            </p>
          )}
        </div>
      )}
      {alert}
    </div>
  );
}
