// Interactions: dated contacts with municipalities and/or a region, the advisers involved, the
// contacts present and a summary. Writes are one transaction with their audit entry; the list is
// filtered by municipality (a former one shows its successor's record), adviser, type, period and
// free text (the database's full-text index).
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { areaName, areaNames, codesForSearch, municipalityExistsOn, regionOn } from './areas.ts';
import { selectContactsByIds } from './contacts.queries.ts';
import {
  type InteractionFilter,
  type InteractionLinks,
  insertInteraction,
  replaceLinks,
  searchInteractions,
  selectInteraction,
  selectLinks,
  updateInteractionRow,
} from './interactions.queries.ts';
import { staffById } from './people.ts';
import { searchTokens } from './search.logic.ts';
import type { InteractionType } from './tables.ts';
import { type TaskInput, writeTask } from './tasks.service.ts';

/** The longest summary accepted (characters). */
export const SUMMARY_MAX = 20_000;

export interface InteractionInput {
  date: string;
  type: InteractionType;
  subject: string;
  summary: string;
  municipalityCodes: string[];
  regionCode: string | null;
  adviserIds: number[];
  contactIds: number[];
}

const m = {
  place: {
    nl: 'Kies ten minste één gemeente of een regio.',
    en: 'Choose at least one municipality or a region.',
  },
  unknownMunicipality: (codes: string[], date: string) => ({
    nl: `Deze gemeente bestond niet op ${date}: ${codes.join(', ')}. Kies een gemeente van die datum.`,
    en: `This municipality did not exist on ${date}: ${codes.join(', ')}. Choose a municipality of that date.`,
  }),
  unknownRegion: { nl: 'Kies een provincie of veiligheidsregio uit de lijst.', en: 'Choose a province or safety region from the list.' },
  notStaff: { nl: 'Kies adviseurs uit de lijst van medewerkers.', en: 'Choose advisers from the list of staff.' },
  unknownContact: { nl: 'Kies contactpersonen uit de lijst.', en: 'Choose contacts from the list.' },
};

/** Checks the references of an input against the atlas, staff and contacts; throws a 400 naming the fields. */
export async function checkInteractionInput(db: Db, input: InteractionInput): Promise<void> {
  const fields: FieldError[] = [];
  if (input.municipalityCodes.length === 0 && !input.regionCode) fields.push({ field: 'municipalities', message: m.place });
  const missing: string[] = [];
  for (const code of input.municipalityCodes) if (!(await municipalityExistsOn(db, code, input.date))) missing.push(code);
  if (missing.length > 0) fields.push({ field: 'municipalities', message: m.unknownMunicipality(missing, input.date) });
  if (input.regionCode && !(await regionOn(db, input.regionCode, input.date))) fields.push({ field: 'region', message: m.unknownRegion });
  const staff = await staffById(db);
  if (input.adviserIds.some((id) => !staff.has(id))) fields.push({ field: 'advisers', message: m.notStaff });
  const contacts = await selectContactsByIds(db, input.contactIds);
  if (contacts.length !== new Set(input.contactIds).size || contacts.some((c) => c.erased_at)) {
    fields.push({ field: 'contacts', message: m.unknownContact });
  }
  if (fields.length > 0) throw errors.validation(fields);
}

function auditView(input: InteractionInput) {
  return { ...input, municipalityCodes: [...input.municipalityCodes].sort() };
}

/** Writes a checked interaction in the caller's transaction (with its audit entry); returns its id. */
export async function writeInteraction(
  trx: Db,
  ctx: ServiceCtx,
  input: InteractionInput,
  origin: 'staff' | 'support-request',
): Promise<number> {
  const at = ctx.now.toISOString();
  const id = await insertInteraction(trx, {
    date: input.date,
    type: input.type,
    subject: input.subject,
    summary: input.summary,
    region_code: input.regionCode,
    origin,
    created_by: ctx.actor.userId,
    created_at: at,
    updated_at: at,
  });
  await replaceLinks(trx, id, input);
  await recordAudit(trx, {
    at: ctx.now,
    actor: ctx.actor,
    action: 'create',
    entity: 'advice_interaction',
    entityId: id,
    after: auditView(input),
  });
  return id;
}

/** Records an interaction (staff), with an optional first follow-up task in the same transaction; returns its id. */
export async function createInteraction(ctx: ServiceCtx, input: InteractionInput, firstTask?: TaskInput): Promise<number> {
  await checkInteractionInput(ctx.db, input);
  if (firstTask?.ownerId && !(await staffById(ctx.db)).has(firstTask.ownerId)) {
    throw errors.validation([
      {
        field: 'task_owner',
        message: { nl: 'Kies een eigenaar uit de lijst van medewerkers.', en: 'Choose an owner from the list of staff.' },
      },
    ]);
  }
  return inTransaction(ctx.db, async (trx) => {
    const id = await writeInteraction(trx, ctx, input, 'staff');
    if (firstTask) await writeTask(trx, ctx, id, firstTask);
    return id;
  });
}

export async function updateInteraction(ctx: ServiceCtx, id: number, input: InteractionInput): Promise<void> {
  const before = await interactionInput(ctx.db, id);
  if (!before) throw errors.notFound();
  await checkInteractionInput(ctx.db, input);
  await inTransaction(ctx.db, async (trx) => {
    await updateInteractionRow(trx, id, {
      date: input.date,
      type: input.type,
      subject: input.subject,
      summary: input.summary,
      region_code: input.regionCode,
      updated_at: ctx.now.toISOString(),
    });
    await replaceLinks(trx, id, input);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'advice_interaction',
      entityId: id,
      before: auditView(before),
      after: auditView(input),
    });
  });
}

/** An interaction as its edit form needs it. */
export async function interactionInput(db: Db, id: number): Promise<InteractionInput | null> {
  const row = await selectInteraction(db, id);
  if (!row) return null;
  const links = (await selectLinks(db, [id])).get(id)!;
  return {
    date: row.date,
    type: row.type,
    subject: row.subject,
    summary: row.summary,
    municipalityCodes: links.municipalityCodes,
    regionCode: row.region_code,
    adviserIds: links.adviserIds,
    contactIds: links.contactIds,
  };
}

export interface InteractionDetail {
  id: number;
  date: string;
  type: InteractionType;
  subject: string;
  summary: string;
  origin: string;
  region: { code: string; name: string } | null;
  municipalities: { code: string; name: string }[];
  advisers: { id: number; name: string }[];
  contacts: { id: number; name: string | null; erased: boolean }[];
}

export async function getInteraction(db: Db, id: number): Promise<InteractionDetail | null> {
  const row = await selectInteraction(db, id);
  if (!row) return null;
  const links = (await selectLinks(db, [id])).get(id)!;
  const [names, staff, contacts] = await Promise.all([
    areaNames(db, [...links.municipalityCodes, ...(row.region_code ? [row.region_code] : [])], row.date),
    staffById(db),
    selectContactsByIds(db, links.contactIds),
  ]);
  return {
    id: Number(row.id),
    date: row.date,
    type: row.type,
    subject: row.subject,
    summary: row.summary,
    origin: row.origin,
    region: row.region_code ? { code: row.region_code, name: names.get(row.region_code) ?? row.region_code } : null,
    municipalities: links.municipalityCodes
      .map((code) => ({ code, name: names.get(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    advisers: links.adviserIds.map((uid) => ({ id: uid, name: staff.get(uid)?.name ?? `#${uid}` })),
    contacts: contacts.map((c) => ({ id: Number(c.id), name: c.name, erased: c.erased_at !== null })),
  };
}

export interface InteractionQuery extends Omit<InteractionFilter, 'codes' | 'regions'> {
  municipality?: string;
  page?: number;
}

export interface InteractionListItem {
  id: number;
  date: string;
  type: InteractionType;
  subject: string;
  origin: string;
  areas: string[];
}

export interface InteractionPage {
  items: InteractionListItem[];
  total: number;
  page: number;
  pages: number;
  /** When the municipality searched for no longer exists: the successors whose record is shown. */
  successors: { code: string; name: string }[];
  municipalityName: string | null;
  /** The codes the municipality filter covered (for the feed). */
  codes: string[] | null;
  /** A text search found more than `total` (the count stops there; see TEXT_COUNT_CAP). */
  capped: boolean;
}

export const PAGE_SIZE = 50;
/** A text search counts at most this many matches (20 pages): a common word would otherwise count them all. */
export const TEXT_COUNT_CAP = 1000;

/** One page of the interaction list for the filter (see InteractionQuery). */
export async function listInteractions(
  db: Db,
  query: InteractionQuery,
  today: string,
  options: { textCountCap?: number } = {},
): Promise<InteractionPage> {
  const page = Math.max(1, query.page ?? 1);
  const scope = query.municipality ? await codesForSearch(db, query.municipality, today) : null;
  const filter: InteractionFilter = { ...query, ...(scope ? { codes: scope.codes, regions: scope.regions } : {}) };
  const cap = query.q && searchTokens(query.q).length > 0 ? (options.textCountCap ?? TEXT_COUNT_CAP) : undefined;
  const { rows, total, capped } = await searchInteractions(db, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE, cap);
  const links = await selectLinks(
    db,
    rows.map((r) => Number(r.id)),
  );
  const items = await Promise.all(
    rows.map(async (r) => {
      const l = links.get(Number(r.id))!;
      const names = await areaNames(db, [...l.municipalityCodes, ...(r.region_code ? [r.region_code] : [])], r.date);
      return {
        id: Number(r.id),
        date: r.date,
        type: r.type,
        subject: r.subject,
        origin: r.origin,
        areas: [...names.values()],
      };
    }),
  );
  return {
    items,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    successors: scope?.successors ?? [],
    municipalityName: query.municipality ? await areaName(db, query.municipality, today) : null,
    codes: scope?.codes ?? null,
    capped,
  };
}

export type { InteractionLinks };
