/**
 * Above a shared editor's page, in plain words, when its language version is not on the team
 * server (added after the dossier was shared): being shared now, on this computer only until an
 * editor opens it (a reader's window), or on this computer only because sharing it failed. In the
 * page itself, since the translator's desk shows its editors without the Team panel.
 */
import { VERSION_NOT_SHARED } from '../../shared/team';
import { useAppTranslation } from '../i18n';
import { useTeamState } from './session';
import './team.css';

export function VersionNotice() {
  const { t } = useAppTranslation();
  const state = useTeamState();
  if (!state) return null;
  const text = state.sharingVersion
    ? t('team.versionSharing')
    : state.connection !== 'refused'
      ? undefined
      : state.versionLocal
        ? t('team.versionLocal', { message: state.message ?? '' })
        : state.message === VERSION_NOT_SHARED
          ? t('team.versionNotShared')
          : undefined;
  if (!text) return null;
  return (
    <p className="team-version-notice" role="status" data-testid="team-version-notice">
      {text}
    </p>
  );
}
