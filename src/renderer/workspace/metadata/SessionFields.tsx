/**
 * Sessions and meetings: the General Assembly session with its agenda items, the Security
 * Council's year (entered as the calendar year; the masthead prints the Council's own count),
 * and the meeting a presidential statement was read at.
 */
import { useState } from 'react';
import { COUNCIL_YEAR_OFFSET, isoDateSchema, type AgendaItem, type Gender, type Meeting, type Meta, type Session } from '../../../core/model/schema';
import { useWorkspaceTranslation } from '../../i18n';
import { DraftField, Group, SelectField, positiveInt, type Parsed } from './fields';

type Props = { meta: Meta; update: (change: (meta: Meta) => Meta) => void; disabled: boolean };
type Ga = Extract<Session, { organ: 'GA' }>;
type Sc = Extract<Session, { organ: 'SC' }>;

export function dateParser(error: string) {
  return (text: string): Parsed<string> => {
    if (text.trim() === '') return { ok: true, value: undefined };
    return isoDateSchema.safeParse(text).success ? { ok: true, value: text } : { ok: false, error };
  };
}

function withSession(m: Meta, organ: 'GA' | 'SC', session: Session | undefined): Meta {
  const others = m.sessions.filter((s) => s.organ !== organ);
  const sessions = session ? [...others, session].sort((a, b) => (a.organ === 'GA' ? -1 : b.organ === 'GA' ? 1 : 0)) : others;
  return { ...m, sessions };
}

export function SessionFields({ meta, update, disabled }: Props) {
  const { t } = useWorkspaceTranslation();
  const ga = meta.sessions.find((s): s is Ga => s.organ === 'GA');
  const sc = meta.sessions.find((s): s is Sc => s.organ === 'SC');
  const setGa = (change: (g: Ga) => Ga) => update((m) => {
    const now = m.sessions.find((s): s is Ga => s.organ === 'GA');
    return now ? withSession(m, 'GA', change(now)) : m;
  });
  const setItem = (i: number, change: (a: AgendaItem) => AgendaItem) => setGa((g) => ({ ...g, agendaItems: g.agendaItems.map((a, j) => (j === i ? change(a) : a)) }));
  const number = positiveInt(t('meta.numberInvalid'));
  const year = (text: string): Parsed<number> => {
    const r = number(text);
    if (!r.ok || r.value === undefined || r.value > COUNCIL_YEAR_OFFSET) return r;
    return { ok: false, error: t('meta.scYearInvalid') };
  };

  return (
    <Group legend={t('meta.sessions')} testId="meta-sessions">
      {ga ? (
        <div className="mf-sub" data-testid="meta-ga">
          <DraftField<number>
            label={t('meta.gaSession')}
            value={String(ga.session)}
            inputMode="numeric"
            size="short"
            disabled={disabled}
            testId="ga-session"
            parse={number}
            onCommit={(n) => n !== undefined && setGa((g) => ({ ...g, session: n }))}
          />
          {ga.agendaItems.map((item, i) => (
            <fieldset key={i} className="mf-item" data-testid="agenda-item">
              <legend>{t('meta.agendaItem', { n: item.number })}</legend>
              <DraftField<number> label={t('meta.agendaNumber')} value={String(item.number)} inputMode="numeric" size="short" disabled={disabled} testId="agenda-number" parse={number} onCommit={(n) => n !== undefined && setItem(i, (a) => ({ ...a, number: n }))} />
              {(['fr', 'en'] as const).map((l) => (
                <DraftField<string>
                  key={l}
                  label={t(l === 'fr' ? 'meta.titleFr' : 'meta.titleEn')}
                  value={item.title?.[l] ?? ''}
                  disabled={disabled}
                  testId={`agenda-title-${l}`}
                  parse={(s) => ({ ok: true, value: s.trim() === '' ? undefined : s })}
                  onCommit={(v) =>
                    setItem(i, (a) => {
                      const title = { ...a.title };
                      if (v === undefined) delete title[l];
                      else title[l] = v;
                      const next: AgendaItem = { number: a.number };
                      if (Object.keys(title).length > 0) next.title = title;
                      return next;
                    })
                  }
                />
              ))}
              <button type="button" className="link mf-remove" disabled={disabled} onClick={() => setGa((g) => ({ ...g, agendaItems: g.agendaItems.filter((_, j) => j !== i) }))}>
                {t('meta.removeAgendaItem', { n: item.number })}
              </button>
            </fieldset>
          ))}
          <div className="mf-row">
            <button
              type="button"
              className="mf-add"
              disabled={disabled}
              data-testid="agenda-add"
              onClick={() => setGa((g) => ({ ...g, agendaItems: [...g.agendaItems, { number: (g.agendaItems.at(-1)?.number ?? 0) + 1 }] }))}
            >
              {t('meta.addAgendaItem')}
            </button>
            <button type="button" className="link mf-remove" disabled={disabled} onClick={() => update((m) => withSession(m, 'GA', undefined))}>
              {t('meta.removeGaSession')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="mf-add" disabled={disabled} data-testid="ga-add" onClick={() => update((m) => withSession(m, 'GA', { organ: 'GA', session: 80, agendaItems: [] }))}>
          {t('meta.addGaSession')}
        </button>
      )}
      {sc ? (
        <div className="mf-row">
          <DraftField<number>
            label={t('meta.scYear')}
            value={String(sc.year)}
            inputMode="numeric"
            size="short"
            disabled={disabled}
            testId="sc-year"
            parse={year}
            onCommit={(y) => y !== undefined && update((m) => withSession(m, 'SC', { organ: 'SC', year: y }))}
          />
          <button type="button" className="link mf-remove" disabled={disabled} onClick={() => update((m) => withSession(m, 'SC', undefined))}>
            {t('meta.removeScYear')}
          </button>
        </div>
      ) : (
        <button type="button" className="mf-add" disabled={disabled} data-testid="sc-add" onClick={() => update((m) => withSession(m, 'SC', { organ: 'SC', year: new Date().getFullYear() }))}>
          {t('meta.addScYear')}
        </button>
      )}
    </Group>
  );
}

/**
 * The meeting of a presidential statement. The model needs number, date and item together; the
 * form keeps a meeting being filled in and commits it once it is complete.
 */
export function MeetingFields({ meta, update, disabled }: Props) {
  const { t } = useWorkspaceTranslation();
  const [draft, setDraft] = useState<Partial<Meeting> | undefined>();
  const m = meta.meeting ?? draft;
  const genders: { value: Gender; label: string }[] = [
    { value: 'm', label: t('meta.genders.m') },
    { value: 'f', label: t('meta.genders.f') },
  ];
  const set = (change: Partial<Meeting>) => {
    const next = { presidentGender: 'm' as Gender, item: {}, ...m, ...change };
    const complete = next.number !== undefined && next.date !== undefined && (next.item.fr !== undefined || next.item.en !== undefined);
    if (complete) {
      setDraft(undefined);
      update((x) => ({ ...x, meeting: next as Meeting }));
    } else {
      setDraft(next);
      if (meta.meeting) update((x) => {
        const rest = { ...x };
        delete rest.meeting;
        return rest;
      });
    }
  };
  if (!m) {
    return (
      <Group legend={t('meta.meeting')} testId="meta-meeting">
        <button type="button" className="mf-add" disabled={disabled} data-testid="meeting-add" onClick={() => setDraft({ presidentGender: 'm', item: {} })}>
          {t('meta.addMeeting')}
        </button>
      </Group>
    );
  }
  return (
    <Group legend={t('meta.meeting')} testId="meta-meeting">
      <DraftField<number> label={t('meta.meetingNumber')} value={m.number === undefined ? '' : String(m.number)} inputMode="numeric" size="short" disabled={disabled} testId="meeting-number" parse={positiveInt(t('meta.numberInvalid'))} onCommit={(n) => set({ number: n })} />
      <DraftField<string> label={t('meta.meetingDate')} type="date" value={m.date ?? ''} disabled={disabled} testId="meeting-date" parse={dateParser(t('meta.dateInvalid'))} onCommit={(date) => set({ date })} />
      {(['fr', 'en'] as const).map((l) => (
        <DraftField<string>
          key={l}
          label={t(l === 'fr' ? 'meta.meetingItemFr' : 'meta.meetingItemEn')}
          value={m.item?.[l] ?? ''}
          disabled={disabled}
          testId={`meeting-item-${l}`}
          parse={(s) => ({ ok: true, value: s.trim() === '' ? undefined : s })}
          onCommit={(v) => {
            const item = { ...m.item };
            if (v === undefined) delete item[l];
            else item[l] = v;
            set({ item });
          }}
        />
      ))}
      <SelectField<Gender> label={t('meta.presidentGender')} value={m.presidentGender ?? 'm'} options={genders} disabled={disabled} testId="meeting-gender" onChange={(presidentGender) => set({ presidentGender })} />
      {!meta.meeting && <p className="mf-hint">{t('meta.meetingIncomplete')}</p>}
      <button
        type="button"
        className="link mf-remove"
        disabled={disabled}
        onClick={() => {
          setDraft(undefined);
          update((x) => {
            const rest = { ...x };
            delete rest.meeting;
            return rest;
          });
        }}
      >
        {t('meta.removeMeeting')}
      </button>
    </Group>
  );
}
