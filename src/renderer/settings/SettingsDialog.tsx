/**
 * Settings (issue 12, point 9), kept in the library and validated by the contract's schemas:
 * the interface language, French spacing of new documents, the backup folder (shown; the
 * desktop app chooses it in the system's folder dialog), the name recorded on tracked changes
 * (`authorName`), and the mission: its letterhead (name, address lines, the place letters are
 * dated from, the emblem), the State, and the people who sign for it (./MissionPeople.tsx).
 * Images are stored as soon as they are chosen; everything else when "Save" is pressed.
 */
import { useEffect, useState } from 'react';
import { frenchSpacingSchema, type FrenchSpacing } from '../../core/model/schema';
import type { MissionProfile } from '../../core/templates/mission';
import { INTERFACE_LANGUAGES, type InterfaceLanguage, type IpcError, type Settings } from '../../shared/ipc-contract';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { useAppTranslation } from '../i18n';
import { CountryField } from '../workspace/metadata/CountryField';
import { DraftField, Group, LinesField, SelectField } from '../workspace/metadata/fields';
import { MissionPeople } from './MissionPeople';
import { SettingsImage } from './SettingsImage';
import { TeamSettings } from './TeamSettings';
import './settings.css';

const text = (s: string) => ({ ok: true as const, value: s });

export function SettingsDialog({ language, onLanguage, onClose }: { language: InterfaceLanguage; onLanguage: (l: InterfaceLanguage) => void; onClose: () => void }) {
  const { t } = useAppTranslation();
  const [saved, setSaved] = useState<Settings | undefined>();
  const [spacing, setSpacing] = useState<FrenchSpacing>('new-york');
  const [author, setAuthor] = useState('');
  const [mission, setMission] = useState<MissionProfile | undefined>();
  const [error, setError] = useState<IpcError | undefined>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void api.invoke('settings.get').then((r) => {
      if (!r.ok) return setError(r.error);
      setSaved(r.value);
      setSpacing(r.value.frenchSpacing);
      setAuthor(r.value.authorName);
      setMission(r.value.mission);
    });
  }, []);

  const save = async () => {
    if (!mission) return;
    setBusy(true);
    const r = await api.invoke('settings.set', { frenchSpacing: spacing, authorName: author, mission });
    setBusy(false);
    setError(r.ok ? undefined : r.error);
    if (r.ok) {
      setSaved(r.value);
      setMission(r.value.mission);
      setStatus(t('settings.saved'));
    }
  };
  const chooseBackup = async () => {
    const r = await api.invoke('settings.chooseBackupFolder');
    setError(r.ok ? undefined : r.error);
    if (r.ok) setSaved(r.value);
  };
  const desktop = typeof window !== 'undefined' && window.rapporteur !== undefined;

  return (
    <Dialog title={t('settings.title')} confirm={t('settings.save')} cancel={t('settings.close')} busy={busy || !mission} testId="settings-dialog" onConfirm={() => void save()} onCancel={onClose}>
      {error && (
        <p className="mf-error" role="alert" data-testid="settings-error" data-code={error.code}>
          {t(`errors.${error.code}`, { message: error.message })}
        </p>
      )}
      <p role="status" className="mf-hint" data-testid="settings-status">
        {status}
      </p>
      {saved && mission && (
        <div className="settings-form">
          <Group legend={t('settings.general')} testId="settings-general">
            <SelectField<InterfaceLanguage> label={t('header.interfaceLanguage')} value={language} testId="settings-language" options={INTERFACE_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))} onChange={onLanguage} />
            <SelectField<FrenchSpacing> label={t('settings.frenchSpacing')} value={spacing} testId="settings-spacing" options={frenchSpacingSchema.options.map((s) => ({ value: s, label: t(`settings.spacings.${s}`) }))} hint={t(`settings.spacingHints.${spacing}`)} onChange={(s) => { setSpacing(s); setStatus(''); }} />
            <DraftField<string> label={t('settings.authorName')} hint={t('settings.authorNameHint')} value={author} testId="settings-author" parse={text} onCommit={(v) => { setAuthor(v ?? ''); setStatus(''); }} />
            <div className="mf-field" data-testid="settings-backup">
              <span className="mf-label">{t('settings.backupDir')}</span>
              <span className="settings-path" data-testid="settings-backup-dir">
                {saved.backupDir ?? t('settings.noLibrary')}
                {saved.backupDirIsDefault ? ` ${t('settings.backupDefault')}` : ''}
              </span>
              {desktop ? (
                <button type="button" data-testid="settings-backup-choose" onClick={() => void chooseBackup()}>
                  {t('settings.chooseFolder')}
                </button>
              ) : (
                <span className="mf-hint">{t('settings.backupInDesktop')}</span>
              )}
            </div>
          </Group>
          <Group legend={t('settings.letterhead')} testId="settings-letterhead">
            <DraftField<string> label={t('settings.missionName')} value={mission.name} testId="mission-name" parse={text} onCommit={(v) => setMission({ ...mission, name: v ?? '' })} />
            <LinesField label={t('settings.addressLines')} hint={t('settings.addressLinesHint')} value={mission.addressLines} testId="mission-address" onCommit={(lines) => setMission({ ...mission, addressLines: lines ?? [] })} />
            <DraftField<string> label={t('settings.place')} value={mission.place} testId="mission-place" parse={text} onCommit={(v) => setMission({ ...mission, place: v ?? '' })} />
            <CountryField
              label={t('settings.state')}
              code={mission.state}
              language={language}
              hint={t('settings.stateHint')}
              unknown={t('settings.stateUnknown')}
              testId="mission-state"
              onCommit={(code) => {
                const { state: _old, ...rest } = mission;
                setMission(code ? { ...rest, state: code } : rest);
              }}
            />
            <SettingsImage label={t('settings.emblem')} slot={{ slot: 'emblem' }} set={saved.images.emblem !== null} onSettings={setSaved} onError={setError} testId="mission-emblem" />
          </Group>
          <MissionPeople mission={mission} saved={saved} onMission={(m) => { setMission(m); setStatus(''); }} onSettings={setSaved} onError={setError} />
          <TeamSettings authorName={saved.authorName} />
        </div>
      )}
    </Dialog>
  );
}
