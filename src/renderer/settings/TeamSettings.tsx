/**
 * Settings, Team (issue 15): the team server's address (https anywhere, http only on this
 * machine) and an invitation code or link. The host redeems it and keeps the token in the
 * library; this section only ever shows its last characters. An invitation to a dossier brings
 * it into the library and opens it. The page is reloaded when the server is new to it, so its
 * security policy allows the connection (the host writes the server's origin into it).
 */
import { useEffect, useState } from 'react';
import type { TeamStatus } from '../../shared/team';
import { teamServerOrigin } from '../../shared/team';
import { api } from '../api';
import { useAppTranslation } from '../i18n';
import { teamErrorText } from '../team/errors';
import { DraftField, Group } from '../workspace/metadata/fields';

const text = (s: string) => ({ ok: true as const, value: s });

/** True when the page's own policy does not yet let it reach `origin` (the host adds it on the next load). */
function pageNeedsReload(origin: string): boolean {
  const meta = document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]');
  return meta !== null && !meta.content.includes(origin.replace(/^http/, 'ws'));
}

export function TeamSettings({ authorName }: { authorName: string }) {
  const { t } = useAppTranslation();
  const [status, setStatus] = useState<TeamStatus | null | undefined>();
  const [server, setServer] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState(authorName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [said, setSaid] = useState('');

  useEffect(() => {
    void api.invoke('team.status').then((r) => {
      if (!r.ok) return setError(teamErrorText(t, r.error));
      setStatus(r.value);
      if (r.value) setServer(r.value.server);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once when the settings open
  }, []);

  const checked = server.trim() === '' ? undefined : teamServerOrigin(server);
  const connect = async () => {
    setBusy(true);
    setError(undefined);
    setSaid('');
    const r = await api.invoke('team.connect', { server: server.trim(), code: code.trim(), ...(name.trim() ? { name: name.trim() } : {}) });
    setBusy(false);
    if (!r.ok) return setError(teamErrorText(t, r.error));
    setStatus(r.value.status);
    setCode('');
    const joined = r.value.joined;
    setSaid(joined ? t('team.joined', { title: joined.title || t('library.untitled') }) : t('team.connected', { server: r.value.status.server }));
    if (joined || pageNeedsReload(r.value.status.server)) {
      // Open the joined dossier, under a policy that allows the server.
      if (joined) history.replaceState(null, '', `#dossier=${joined.id}`);
      setTimeout(() => location.reload(), joined ? 600 : 1200);
    }
  };
  const disconnect = async () => {
    const r = await api.invoke('team.disconnect');
    if (!r.ok) return setError(teamErrorText(t, r.error));
    setStatus(null);
    setSaid(t('team.disconnected'));
  };

  return (
    <Group legend={t('team.title')} testId="settings-team">
      <p className="mf-hint">{t('team.explain')}</p>
      {status && (
        <p data-testid="team-status" data-server={status.server}>
          {t('team.status', { server: status.server, name: status.personName, hint: status.tokenHint })}{' '}
          <button type="button" className="link" data-testid="team-disconnect" onClick={() => void disconnect()}>
            {t('team.disconnect')}
          </button>
        </p>
      )}
      <DraftField<string> label={t('team.server')} hint={t('team.serverHint')} value={server} testId="team-server" parse={text} placeholder="https://" onCommit={(v) => setServer(v ?? '')} />
      {checked && !checked.ok && (
        <p className="mf-error" data-testid="team-server-error">
          {t('team.badServer')}
        </p>
      )}
      <DraftField<string> label={t('team.code')} hint={t('team.codeHint')} value={code} testId="team-code" parse={text} onCommit={(v) => setCode(v ?? '')} />
      <DraftField<string> label={t('team.name')} hint={t('team.nameHint')} value={name} testId="team-name" parse={text} onCommit={(v) => setName(v ?? '')} />
      <button type="button" data-testid="team-connect" disabled={busy || !checked?.ok || code.trim() === ''} onClick={() => void connect()}>
        {busy ? t('team.connecting') : t('team.connect')}
      </button>
      {error && (
        <p className="mf-error" role="alert" data-testid="team-settings-error">
          {error}
        </p>
      )}
      <p role="status" className="mf-hint" data-testid="team-settings-status">
        {said}
      </p>
    </Group>
  );
}
