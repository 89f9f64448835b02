/**
 * The mission's profile (issue 12, point 9), kept in the settings: its letterhead (name, address
 * lines, the place letters are dated from), the State it represents, and the people who sign for
 * it (the Permanent Representative, deputies, the chargé(e) d'affaires) with their grammatical
 * gender and, when the generated ones do not fit, their own title lines. New documents take the
 * profile's people as their sender and signatories (`applyMissionProfile`).
 */
import { z } from 'zod';
import { countryCodeSchema, genderSchema, idSchema, type RDocument } from '../model/schema';
import { listParts } from '../model/walk';

export const MISSION_ROLES = ['permanent-representative', 'deputy-permanent-representative', 'charge-d-affaires'] as const;

const line = z.string().trim().max(300);
const titleLines = z.array(z.string().trim().min(1).max(300)).max(4);

export const missionPersonSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().min(1, 'each person of the mission has a name').max(200),
    gender: genderSchema,
    role: z.enum(MISSION_ROLES),
    titleLines: z.object({ fr: titleLines.optional(), en: titleLines.optional() }).strict().optional(),
  })
  .strict();
export type MissionPerson = z.infer<typeof missionPersonSchema>;

export const missionProfileSchema = z
  .object({
    /** The mission's name, the letterhead's first line. */
    name: line,
    addressLines: z.array(line).max(6),
    /** Where its letters are dated from: « New York, le … ». */
    place: line,
    state: countryCodeSchema.optional(),
    people: z.array(missionPersonSchema).max(30),
    /** Who new letters are from (a person id of `people`). */
    sender: idSchema.optional(),
    /** Who signs new documents; the sender when empty. */
    signatories: z.array(idSchema).max(4),
  })
  .strict()
  .superRefine((m, ctx) => {
    const ids = new Set<string>();
    m.people.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['people', i, 'id'], message: `two people of the mission have the id "${p.id}"` });
      ids.add(p.id);
    });
    if (m.sender !== undefined && !ids.has(m.sender)) ctx.addIssue({ code: 'custom', path: ['sender'], message: 'the sender is not one of the mission’s people' });
    m.signatories.forEach((s, i) => {
      if (!ids.has(s)) ctx.addIssue({ code: 'custom', path: ['signatories', i], message: 'a signatory is not one of the mission’s people' });
    });
  });
export type MissionProfile = z.infer<typeof missionProfileSchema>;

export const EMPTY_MISSION: MissionProfile = { name: '', addressLines: [], place: 'New York', people: [], signatories: [] };

/** The letterhead's lines as an export prints them: the name, then the address lines set. */
export function letterheadLines(m: MissionProfile): string[] {
  return [m.name, ...m.addressLines].map((l) => l.trim()).filter((l) => l !== '');
}

/**
 * A new document from a template, with the mission's people as its sender and signatories:
 * the template's placeholder people are replaced where the profile names a sender. A profile
 * without a sender leaves the document as the template made it.
 */
export function applyMissionProfile(doc: RDocument, m: MissionProfile): RDocument {
  const sender = m.people.find((p) => p.id === m.sender);
  // Kinds that name nobody (a presidential statement) stay as they are.
  if (!sender || doc.meta.people.length === 0) return doc;
  const signing = m.signatories.length > 0 ? m.signatories : [sender.id];
  const people = m.people.map((p) => ({
    id: p.id,
    name: p.name,
    gender: p.gender,
    role: { kind: p.role, ...(m.state ? { country: m.state } : {}) },
    ...(p.titleLines ? { titleLines: p.titleLines } : {}),
  }));
  const out: RDocument = { ...doc, meta: { ...doc.meta, people, ...(doc.meta.sender !== undefined ? { sender: sender.id } : {}) }, parts: structuredClone(doc.parts) };
  for (const { part } of listParts(out)) {
    for (const block of part.blocks) if (block.kind === 'signature') block.signatories = [...signing];
  }
  return out;
}
