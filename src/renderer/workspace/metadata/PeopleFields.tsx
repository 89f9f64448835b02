/**
 * The people of the metadata — the sender and the signatories — with their function, State,
 * grammatical gender and title lines, and which signature block each signs. A person signing a
 * signature alone cannot be removed (a signature needs a signatory); removing anyone else also
 * takes them out of the sender and of the signatures, in one undoable step.
 */
import { $getNodeByKey, $getRoot, $getState, $setState } from 'lexical';
import type { Gender, Meta, Person, RoleKind } from '../../../core/model/schema';
import { roleKindSchema } from '../../../core/model/schema';
import type { InterfaceLanguage } from '../../../shared/ipc-contract';
import { metaState, signatoriesState } from '../../editor/nodes/state';
import { useWorkspaceTranslation } from '../../i18n';
import { useSignatures, type SignatureInfo } from '../editorState';
import { CountryField } from './CountryField';
import { Checkbox, DraftField, Group, LinesField, SelectField, type Parsed } from './fields';

const ROLES: readonly RoleKind[] = roleKindSchema.options;
/** Functions that belong to a State (the title names its mission). */
const WITH_COUNTRY = new Set<RoleKind>(['permanent-representative', 'deputy-permanent-representative', 'charge-d-affaires', 'ambassador']);

function freshPersonId(meta: Meta): string {
  const taken = new Set(meta.people.map((p) => p.id));
  let n = meta.people.length + 1;
  while (taken.has(`person${n}`)) n++;
  return `person${n}`;
}

type Props = { meta: Meta; update: (change: (meta: Meta) => Meta) => void; language: InterfaceLanguage; disabled: boolean };

export function PeopleFields({ meta, update, language, disabled }: Props) {
  const { t } = useWorkspaceTranslation();
  const [signatures, setSignatories, batch] = useSignatures();
  const setPerson = (id: string, change: (p: Person) => Person) => update((m) => ({ ...m, people: m.people.map((p) => (p.id === id ? change(p) : p)) }));
  const genders: { value: Gender; label: string }[] = [
    { value: 'm', label: t('meta.genders.m') },
    { value: 'f', label: t('meta.genders.f') },
  ];

  const remove = (id: string) =>
    batch(() => {
      const root = $getRoot();
      const m = $getState(root, metaState);
      if (!m) return;
      for (const s of signatures) {
        if (!s.signatories.includes(id)) continue;
        const node = $getNodeByKey(s.key);
        if (node) $setState(node, signatoriesState, s.signatories.filter((x) => x !== id));
      }
      const next: Meta = { ...m, people: m.people.filter((p) => p.id !== id) };
      if (next.sender === id) delete next.sender;
      $setState(root, metaState, next);
    });
  const add = () =>
    update((m) => ({ ...m, people: [...m.people, { id: freshPersonId(m), name: '…', gender: 'm', role: { kind: 'permanent-representative' } }] }));
  const soleSignatory = (id: string) => signatures.some((s) => s.signatories.length === 1 && s.signatories[0] === id);
  const partName = (s: SignatureInfo) => t(`outline.parts.${s.partKind}`);

  return (
    <Group legend={t('meta.people')} testId="meta-people">
      <SelectField
        label={t('meta.sender')}
        value={meta.sender ?? ''}
        disabled={disabled}
        testId="meta-sender"
        options={[{ value: '', label: t('meta.noSender') }, ...meta.people.map((p) => ({ value: p.id, label: p.name }))]}
        onChange={(v) =>
          update((m) => {
            const next = { ...m };
            if (v === '') delete next.sender;
            else next.sender = v;
            return next;
          })
        }
      />
      {meta.people.map((p, i) => (
        <fieldset key={p.id} className="mf-person" data-testid="meta-person" data-person={p.id}>
          <legend>{t('meta.person', { n: i + 1 })}</legend>
          <DraftField<string>
            label={t('meta.name')}
            value={p.name}
            disabled={disabled}
            testId="person-name"
            parse={(s): Parsed<string> => (s.trim() === '' ? { ok: false, error: t('meta.nameRequired') } : { ok: true, value: s })}
            onCommit={(name) => name !== undefined && setPerson(p.id, (x) => ({ ...x, name }))}
          />
          <SelectField<RoleKind>
            label={t('meta.role')}
            value={p.role.kind}
            disabled={disabled}
            testId="person-role"
            options={ROLES.map((r) => ({ value: r, label: t(`meta.roles.${r}`) }))}
            onChange={(kind) => setPerson(p.id, (x) => ({ ...x, role: { ...x.role, kind } }))}
          />
          {(WITH_COUNTRY.has(p.role.kind) || p.role.country !== undefined) && (
            <CountryField
              label={t('meta.country')}
              code={p.role.country}
              language={language}
              hint={t('meta.countryHint')}
              unknown={t('meta.countryUnknown')}
              disabled={disabled}
              testId="person-country"
              onCommit={(country) =>
                setPerson(p.id, (x) => {
                  const role = { ...x.role };
                  if (country === undefined) delete role.country;
                  else role.country = country;
                  return { ...x, role };
                })
              }
            />
          )}
          {(p.role.kind === 'chair' || p.role.kind === 'other') &&
            (['fr', 'en'] as const).map((l) => (
              <DraftField<string>
                key={l}
                label={t(l === 'fr' ? 'meta.bodyFr' : 'meta.bodyEn')}
                hint={t(p.role.kind === 'chair' ? 'meta.bodyChairHint' : 'meta.bodyOtherHint')}
                value={p.role.body?.[l] ?? ''}
                disabled={disabled}
                testId={`person-body-${l}`}
                parse={(s) => ({ ok: true, value: s.trim() === '' ? undefined : s })}
                onCommit={(v) =>
                  setPerson(p.id, (x) => {
                    const body = { ...x.role.body };
                    if (v === undefined) delete body[l];
                    else body[l] = v;
                    const role = { ...x.role };
                    if (Object.keys(body).length === 0) delete role.body;
                    else role.body = body;
                    return { ...x, role };
                  })
                }
              />
            ))}
          <SelectField<Gender> label={t('meta.gender')} value={p.gender} options={genders} disabled={disabled} testId="person-gender" onChange={(gender) => setPerson(p.id, (x) => ({ ...x, gender }))} />
          {(['fr', 'en'] as const).map((l) => (
            <LinesField
              key={l}
              label={t(l === 'fr' ? 'meta.titleLinesFr' : 'meta.titleLinesEn')}
              hint={t('meta.titleLinesHint')}
              value={p.titleLines?.[l]}
              disabled={disabled}
              testId={`person-titles-${l}`}
              onCommit={(lines) =>
                setPerson(p.id, (x) => {
                  const titleLines = { ...x.titleLines };
                  if (lines === undefined) delete titleLines[l];
                  else titleLines[l] = lines;
                  const next = { ...x };
                  if (Object.keys(titleLines).length === 0) delete next.titleLines;
                  else next.titleLines = titleLines;
                  return next;
                })
              }
            />
          ))}
          {signatures.length > 0 && (
            <div className="mf-signs" role="group" aria-label={t('meta.signs')}>
              <span className="mf-subhead">{t('meta.signs')}</span>
              {signatures.map((s, j) => {
                const signs = s.signatories.includes(p.id);
                const only = signs && s.signatories.length === 1;
                return (
                  <Checkbox
                    key={s.key}
                    label={signatures.filter((x) => x.partKind === s.partKind).length > 1 ? t('meta.signsWhereNumbered', { n: j + 1, part: partName(s) }) : partName(s)}
                    checked={signs}
                    disabled={disabled || only}
                    testId="person-signs"
                    onChange={(on) => setSignatories(s.key, on ? [...s.signatories, p.id] : s.signatories.filter((x) => x !== p.id))}
                  />
                );
              })}
            </div>
          )}
          <button type="button" className="link mf-remove" disabled={disabled || soleSignatory(p.id)} data-testid="person-remove" onClick={() => remove(p.id)}>
            {t('meta.removePerson', { name: p.name })}
          </button>
          {soleSignatory(p.id) && <span className="mf-hint">{t('meta.removePersonBlocked')}</span>}
        </fieldset>
      ))}
      <button type="button" className="mf-add" disabled={disabled} data-testid="person-add" onClick={add}>
        {t('meta.addPerson')}
      </button>
    </Group>
  );
}
