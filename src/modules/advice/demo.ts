// Loads the advice module's demo part (demo-plan.ts) through its own services, so every record is
// audited like real work: adviser profiles and responsibilities, contacts, interactions of October
// 2018 – October 2019 that make exactly the 21 intensive contacts, lighter contacts, open, overdue
// and done tasks, two support requests, and policy statuses over time with self-reports.
import { inTransaction } from '../../db/database.ts';
import { type AppDeps, type ServiceCtx, todayOf } from '../../deps.ts';
import { municipalitiesOn } from '../atlas/index.ts';
import { findUserByEmail } from '../auth/index.ts';
import { listContacts } from './contacts.service.ts';
import { createContact } from './contacts.write.ts';
import {
  DEMO_INTENSIVE,
  DEMO_PERIOD,
  demoPerson,
  intensivePlan,
  LATER,
  lighterPlan,
  type PlannedInteraction,
  REGIONAL_MEETINGS,
  statusPlan,
} from './demo-plan.ts';
import { searchInteractions } from './interactions.queries.ts';
import { createInteraction, writeInteraction } from './interactions.service.ts';
import { staffMembers } from './people.ts';
import { reviewSelfReport, selfReport, setStatus } from './policy.service.ts';
import { saveOwnProfile, saveSettings } from './settings.service.ts';
import { addTask, setTaskStatus, writeTask } from './tasks.service.ts';

const DEMO_ACTOR = { userId: null, label: 'demo' };

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function advisersAndSettings(deps: AppDeps, ctx: ServiceCtx): Promise<number[]> {
  const staff = await staffMembers(deps.db);
  if (staff.length === 0) return [];
  for (const s of staff) {
    await saveOwnProfile({ ...ctx, actor: { userId: s.id, label: s.email } }, s.id, {
      displayName: s.name,
      roleTitle: s.role === 'admin' ? 'Programmaleider' : 'Adviseur gemeenten',
      organisation:
        s.role === 'admin' ? 'Vereniging van Nederlandse Gemeenten (voorbeeld)' : 'Coördinatiecentrum tegen mensenhandel (voorbeeld)',
      published: true,
    });
  }
  const ids = staff.map((s) => s.id);
  const south = ['PV28', 'PV29', 'PV30', 'PV31'];
  const advisers: Record<string, number> = {};
  for (const p of ['PV20', 'PV21', 'PV22', 'PV23', 'PV24', 'PV25', 'PV26', 'PV27', ...south])
    advisers[p] = south.includes(p) ? ids[ids.length - 1] : ids[0];
  await saveSettings(ctx, { threshold: 3, advisers, fallback: ids[0] });
  return ids;
}

async function demoContacts(ctx: ServiceCtx, codes: string[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  let n = 0;
  for (const code of codes) {
    const count = n % 3 === 0 ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const p = demoPerson(n++);
      const id = await createContact(ctx, {
        area: code,
        name: p.name,
        role: k === 0 ? 'aandachtsfunctionaris' : p.role,
        email: p.email,
        phone: null,
        since: '2018-01-01',
        until: null,
        lawfulBasis: 'public-task',
      });
      out.set(code, [...(out.get(code) ?? []), id]);
    }
  }
  // A possible duplicate to merge: the same person typed twice for Gouda, once without an email.
  const gouda = demoPerson(0);
  await createContact(ctx, {
    area: 'GM0513',
    name: gouda.name.replace('(voorbeeld)', '(Voorbeeld)'),
    role: 'aandachtsfunctionaris',
    email: null,
    phone: '0182 000 000',
    since: null,
    until: null,
    lawfulBasis: 'public-task',
  });
  await createContact(ctx, {
    area: 'GM0513',
    name: gouda.name,
    role: 'aandachtsfunctionaris',
    email: gouda.email,
    phone: null,
    since: '2019-01-01',
    until: null,
    lawfulBasis: 'public-task',
  });
  return out;
}

async function record(
  ctx: ServiceCtx,
  plan: PlannedInteraction[],
  adviserFor: (code: string) => number[],
  contacts: Map<string, number[]>,
): Promise<number[]> {
  const ids: number[] = [];
  for (const p of plan) {
    const adviserIds = [...new Set(p.codes.flatMap(adviserFor))];
    const summary = `${p.subject}. Besproken: stand van zaken, vervolgstappen en wie wat oppakt (voorbeeld).`;
    const contactIds = p.codes.flatMap((c) => contacts.get(c)?.slice(0, 1) ?? []);
    ids.push(
      await createInteraction(ctx, {
        date: p.date,
        type: p.type,
        subject: p.subject,
        summary,
        municipalityCodes: p.codes,
        regionCode: p.region,
        adviserIds: adviserIds.length > 0 ? adviserIds : adviserFor(''),
        contactIds,
      }),
    );
  }
  return ids;
}

async function tasks(deps: AppDeps, ctx: ServiceCtx, interactionIds: number[], staff: number[]) {
  const today = todayOf(deps);
  const owner = (i: number) => staff[i % staff.length] ?? null;
  for (const [i, id] of interactionIds.slice(0, 12).entries()) {
    const t = await addTask(ctx, id, { title: 'Verslag sturen en vervolgafspraak maken', ownerId: owner(i), dueDate: '2019-12-01' });
    if (i % 4 !== 3) await setTaskStatus(ctx, t.id, true);
  }
  for (const [i, days] of [-12, -5, 7, 14, 30].entries()) {
    await addTask(ctx, interactionIds[20 + i * 3], {
      title: days < 0 ? 'Conceptbeleid becommentariëren' : 'Training frontlijn plannen',
      ownerId: owner(i),
      dueDate: addDays(today, days),
    });
  }
}

async function supportRequests(deps: AppDeps, ctx: ServiceCtx, staff: number[], contacts: Map<string, number[]>) {
  const today = todayOf(deps);
  const requests = [
    { code: 'GM0599', days: 9, question: 'Wij willen een meldroute voor signalen opzetten. Kunnen de adviseurs meedenken? (voorbeeld)' },
    { code: 'GM0307', days: 2, question: 'Hoe nemen andere gemeenten mensenhandel op in hun integraal veiligheidsplan? (voorbeeld)' },
  ];
  for (const r of requests) {
    const date = addDays(today, -r.days);
    const c = { ...ctx, now: new Date(`${date}T09:30:00Z`) };
    const contactIds = contacts.get(r.code)?.slice(0, 1) ?? [];
    await inTransaction(ctx.db, async (trx) => {
      const id = await writeInteraction(
        trx,
        c,
        {
          date,
          type: 'intake',
          subject: 'Ondersteuningsvraag (voorbeeld)',
          summary: r.question,
          municipalityCodes: [r.code],
          regionCode: null,
          adviserIds: staff.slice(0, 1),
          contactIds,
        },
        'support-request',
      );
      await writeTask(trx, c, id, { title: 'Beantwoord de ondersteuningsvraag', ownerId: staff[0] ?? null, dueDate: addDays(date, 5) });
    });
  }
}

async function statuses(deps: AppDeps, ctx: ServiceCtx, codes: string[]) {
  for (const [i, code] of codes.entries()) {
    for (const s of statusPlan(i))
      await setStatus(ctx, code, s.block, { status: s.status, evidenceUrl: null, evidenceNote: s.note || null, effectiveDate: s.date });
  }
  // Self-assessment: Amsterdam (the demo municipality account) reported two blocks; one was confirmed,
  // one corrected, and one report of today awaits review.
  const user = await findUserByEmail(deps.db, 'amsterdam@demo.gemeentenaanzet.invalid');
  const self = (date: string) => ({
    ...ctx,
    now: new Date(`${date}T10:00:00Z`),
    actor: user ? { userId: Number(user.id), label: user.email } : DEMO_ACTOR,
  });
  const a = await selfReport(self('2019-06-03'), 'GM0363', 'awareness-partners', {
    status: 'in-place',
    evidenceUrl: 'https://example.org/voorlichting',
    evidenceNote: 'Voorlichting aan horeca gegeven (voorbeeld).',
  });
  await reviewSelfReport({ ...ctx, now: new Date('2019-06-10T10:00:00Z') }, 'GM0363', a, { status: 'in-place', note: null });
  const b = await selfReport(self('2019-07-01'), 'GM0363', 'regional-agreements', {
    status: 'in-place',
    evidenceUrl: null,
    evidenceNote: 'Convenant in concept.',
  });
  await reviewSelfReport({ ...ctx, now: new Date('2019-07-08T10:00:00Z') }, 'GM0363', b, {
    status: 'in-progress',
    note: 'Nog niet getekend: in ontwikkeling.',
  });
  await selfReport(self(todayOf(deps)), 'GM0363', 'frontline-trained', {
    status: 'in-place',
    evidenceUrl: null,
    evidenceNote: 'Alle wijkteams getraind (voorbeeld).',
  });
}

export async function loadAdviceDemo(deps: AppDeps, log: (line: string) => void = () => {}): Promise<void> {
  if ((await searchInteractions(deps.db, {}, 0, 1)).total > 0) {
    log('demo: advice already loaded');
    return;
  }
  const ctx: ServiceCtx = { db: deps.db, actor: DEMO_ACTOR, now: deps.now() };
  const staff = await advisersAndSettings(deps, ctx);
  const intensive = DEMO_INTENSIVE.map((m) => m.code);
  const all = (await municipalitiesOn(deps.db, '2019-01-01')).map((m) => m.code);
  const lighter = all.filter((c, i) => !intensive.includes(c) && i % 5 === 2);
  const contacts = await demoContacts(
    ctx,
    [...intensive, ...lighter.slice(0, 25), 'GM0599', 'GM0307'].filter((c, i, a) => a.indexOf(c) === i),
  );
  const south = new Set(['PV28', 'PV29', 'PV30', 'PV31']);
  const provinceOf = new Map((await municipalitiesOn(deps.db, '2019-01-01')).map((m) => [m.code, m.provinceCode]));
  const adviserFor = (code: string) =>
    staff.length === 0 ? [] : [south.has(provinceOf.get(code) ?? '') ? staff[staff.length - 1] : staff[0]];
  const ids = await record(ctx, [...intensivePlan(), ...lighterPlan(lighter), ...REGIONAL_MEETINGS, ...LATER], adviserFor, contacts);
  await tasks(deps, ctx, ids, staff);
  await supportRequests(deps, ctx, staff, contacts);
  await statuses(deps, ctx, [...intensive, ...lighter.slice(0, 30)]);
  log(
    `demo: advice — ${ids.length} interactions, ${DEMO_INTENSIVE.length} intensive contacts ${DEMO_PERIOD.from} … ${DEMO_PERIOD.to}, contacts, tasks and policy statuses`,
  );
}

/** True while the module holds no interactions and no contacts (the demo may load). */
export async function adviceIsEmpty(deps: AppDeps): Promise<boolean> {
  return (await searchInteractions(deps.db, {}, 0, 1)).total === 0 && (await listContacts(deps.db, {}, todayOf(deps))).length === 0;
}
