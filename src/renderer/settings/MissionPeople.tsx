/**
 * The mission's people in the settings: each with name, role, grammatical gender and optional
 * title lines per language; who new letters are from (the sender) and who signs them; and each
 * one's scanned signature (placed only in a finalised revision's export).
 */
import { genderSchema, type Gender } from '../../core/model/schema';
import { MISSION_ROLES, type MissionPerson, type MissionProfile } from '../../core/templates/mission';
import type { IpcError, Settings } from '../../shared/ipc-contract';
import { useAppTranslation } from '../i18n';
import { Checkbox, DraftField, LinesField, SelectField } from '../workspace/metadata/fields';
import { SettingsImage } from './SettingsImage';

type Role = MissionPerson['role'];

export function MissionPeople({ mission, saved, onMission, onSettings, onError }: {
  mission: MissionProfile;
  /** The settings as stored (a signature can be set for a person once saved). */
  saved: Settings;
  onMission: (m: MissionProfile) => void;
  onSettings: (s: Settings) => void;
  onError: (e: IpcError | undefined) => void;
}) {
  const { t } = useAppTranslation();
  const setPerson = (i: number, p: MissionPerson | undefined) => {
    const people = p ? mission.people.map((x, j) => (j === i ? p : x)) : mission.people.filter((_, j) => j !== i);
    const ids = new Set(people.map((x) => x.id));
    onMission({
      ...mission,
      people,
      ...(mission.sender !== undefined && !ids.has(mission.sender) ? { sender: undefined } : {}),
      signatories: mission.signatories.filter((s) => ids.has(s)),
    });
  };
  const add = () => {
    const id = `p${Date.now().toString(36)}`;
    onMission({ ...mission, people: [...mission.people, { id, name: '', gender: 'm', role: mission.people.length === 0 ? 'permanent-representative' : 'deputy-permanent-representative' }] });
  };
  const genders = genderSchema.options.map((g: Gender) => ({ value: g, label: t(`settings.genders.${g}`) }));
  return (
    <fieldset className="mf-group" data-testid="settings-people">
      <legend>{t('settings.people')}</legend>
      <p className="mf-hint">{t('settings.peopleHint')}</p>
      {mission.people.map((p, i) => (
        <fieldset key={p.id} className="mf-item" data-testid="settings-person">
          <legend>{p.name || t('settings.person', { n: i + 1 })}</legend>
          <DraftField<string> label={t('settings.personName')} value={p.name} testId="person-name" parse={(s) => ({ ok: true, value: s })} onCommit={(name) => setPerson(i, { ...p, name: name ?? '' })} />
          <SelectField<Role> label={t('settings.role')} value={p.role} testId="person-role" options={MISSION_ROLES.map((r) => ({ value: r, label: t(`settings.roles.${r}`) }))} onChange={(role) => setPerson(i, { ...p, role })} />
          <SelectField<Gender> label={t('settings.gender')} value={p.gender} testId="person-gender" options={genders} onChange={(gender) => setPerson(i, { ...p, gender })} />
          {(['fr', 'en'] as const).map((l) => (
            <LinesField
              key={l}
              label={t(`settings.titleLines.${l}`)}
              hint={t('settings.titleLinesHint')}
              value={p.titleLines?.[l]}
              testId={`person-titles-${l}`}
              onCommit={(lines) => {
                const titleLines = { ...p.titleLines, [l]: lines };
                if (!lines) delete titleLines[l];
                const { titleLines: _old, ...rest } = p;
                setPerson(i, Object.keys(titleLines).length > 0 ? { ...rest, titleLines } : rest);
              }}
            />
          ))}
          <Checkbox label={t('settings.sender')} checked={mission.sender === p.id} testId="person-sender" onChange={(on) => onMission({ ...mission, sender: on ? p.id : undefined })} />
          <Checkbox
            label={t('settings.signs')}
            checked={mission.signatories.includes(p.id)}
            testId="person-signs"
            onChange={(on) => onMission({ ...mission, signatories: on ? [...mission.signatories, p.id] : mission.signatories.filter((s) => s !== p.id) })}
          />
          <SettingsImage
            label={t('settings.signature')}
            slot={{ slot: 'signature', person: p.id }}
            set={saved.images.signatures[p.id] !== undefined}
            disabledHint={saved.mission.people.some((x) => x.id === p.id) ? undefined : t('settings.saveFirst')}
            onSettings={onSettings}
            onError={onError}
            testId="person-signature"
          />
          <button type="button" className="link mf-remove" data-testid="person-remove" onClick={() => setPerson(i, undefined)}>
            {t('settings.removePerson', { name: p.name || t('settings.person', { n: i + 1 }) })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="mf-add" data-testid="person-add" disabled={mission.people.length >= 30} onClick={add}>
        {t('settings.addPerson')}
      </button>
    </fieldset>
  );
}
