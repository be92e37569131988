// Demo part (DESIGN.md, the 2019 scenario): the 2019 baseline on the municipal approach — 355
// municipalities invited on 2019-04-01, closing 2019-04-25, 135 answered (38 %), closed and
// published, with feedback reports — and a later round, open, on the 342 municipalities of
// 2025-01-01, compared with 2019 across the mergers. Recipients are fictional (.invalid addresses);
// no email is queued for the past. Idempotent.

import { inTransaction } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { todayOf } from '../../deps.ts';
import { recordAudit } from '../audit/index.ts';
import { slugify } from './builder.logic.ts';
import { addQuestion, addSection } from './builder.service.ts';
import { copySurvey } from './copy.ts';
import { demoAnswers, demoSubmittedAt, seedOf } from './demo-answers.ts';
import { DEMO_SECTIONS } from './demo-questions.ts';
import { daysBefore } from './groups.logic.ts';
import {
  type InvitationRow,
  insertRecipients,
  recordReminder,
  selectInvitations,
  selectRecipients,
  updateInvitationRow,
} from './invitations.queries.ts';
import { ensureInvitations } from './invitations.service.ts';
import { issueLink, linkUrl } from './links.ts';
import { reportFrom, reportInputs } from './reports.service.ts';
import { insertResponse, markReportEmailed, upsertReport } from './responses.queries.ts';
import { bumpResultsVersion, updateSurveyRow } from './surveys.queries.ts';
import { changeStatus, createSurvey, listSurveys, requireSurvey, updateSurvey } from './surveys.service.ts';
import type { SurveyDef } from './types.ts';

export const BASELINE_TITLE = 'Nulmeting gemeentelijke aanpak mensenhandel 2019';
const ACTOR = { userId: null, label: 'demo' };

/** The municipalities in the 2019 story (advice contacts) and predecessors of later mergers answer the baseline. */
const BASELINE_RESPONDENTS = [
  'GM0361',
  'GM0034',
  'GM0363',
  'GM0106',
  'GM0758',
  'GM0518',
  'GM0400',
  'GM0505',
  'GM0772',
  'GM0153',
  'GM0392',
  'GM0014',
  'GM0513',
  'GM0546',
  'GM1895',
  'GM0855',
  'GM0342',
  'GM0622',
  'GM0718',
  'GM0865',
  'GM0193',
  'GM0756',
  'GM1684',
  'GM0788',
  'GM0003',
  'GM0010',
  'GM0457',
  'GM0398',
  'GM0416',
  'GM0856',
  'GM0344',
  'GM0599',
];

async function buildQuestionnaire(deps: AppDeps, surveyId: number) {
  const ctx = { db: deps.db, actor: ACTOR, now: deps.now() };
  const ids = new Map<string, number>();
  for (const s of DEMO_SECTIONS) {
    const sectionId = await addSection(ctx, surveyId, { title: s.title, intro: s.intro });
    for (const { conditionKey, ...draft } of s.questions) {
      const condition = conditionKey && draft.condition ? { questionId: ids.get(conditionKey)!, values: draft.condition.values } : null;
      ids.set(draft.key, await addQuestion(ctx, surveyId, sectionId, { ...draft, condition }));
    }
  }
}

/** Fictional recipients for every invitation without one, marked as invited on `invitedAt` (no email queued). */
async function demoInvite(deps: AppDeps, surveyId: number, invitedAt: string) {
  const invitations = await selectInvitations(deps.db, surveyId);
  const has = new Set((await selectRecipients(deps.db, surveyId)).map((r) => Number(r.invitation_id)));
  await inTransaction(deps.db, async (trx) => {
    await insertRecipients(
      trx,
      invitations
        .filter((i) => !has.has(Number(i.id)))
        .map((i) => ({
          invitation_id: Number(i.id),
          contact_id: null,
          email: `mensenhandel@${slugify(i.municipality_name)}.voorbeeld.invalid`,
          name: `Aandachtsfunctionaris ${i.municipality_name} (voorbeeld)`,
          created_at: invitedAt,
        })),
    );
    for (const i of invitations) await updateInvitationRow(trx, Number(i.id), { invited_at: invitedAt, last_sent_at: invitedAt });
  });
  return invitations;
}

/** The demo respondents: the named ones first, then others in a fixed pseudo-random order. */
function pick(invitations: InvitationRow[], named: readonly string[], count: number, salt: string): InvitationRow[] {
  const byCode = new Map(invitations.map((i) => [i.municipality_code, i]));
  const first = named.flatMap((c) => byCode.get(c) ?? []);
  const rest = invitations
    .filter((i) => !named.includes(i.municipality_code))
    .sort((a, b) => seedOf(salt + a.municipality_code) - seedOf(salt + b.municipality_code));
  return [...first, ...rest].slice(0, count);
}

async function addResponses(deps: AppDeps, def: SurveyDef, list: InvitationRow[], submitted: boolean, endOn: string) {
  await inTransaction(deps.db, async (trx) => {
    for (const i of list) {
      const answers = demoAnswers(def, i.municipality_code, i.size_class, submitted);
      const at = demoSubmittedAt(i.municipality_code, def.opensOn, endOn, def.reminderDays);
      const started = new Date(Date.parse(at) - 3 * 86_400_000 * (seedOf(i.municipality_code) % 3)).toISOString();
      await insertResponse(trx, {
        survey_id: def.id,
        invitation_id: Number(i.id),
        municipality_code: i.municipality_code,
        province_code: i.province_code,
        size_class: i.size_class,
        status: submitted ? 'submitted' : 'in_progress',
        source: 'online',
        version: 1,
        answers_json: JSON.stringify(answers),
        answer_meta_json: JSON.stringify(Object.fromEntries(Object.keys(answers).map((k) => [k, [1, started, 'persoonlijke link']]))),
        started_at: started < `${def.opensOn}T08:00:00.000Z` ? `${def.opensOn}T08:00:00.000Z` : started,
        updated_at: at,
        submitted_at: submitted ? at : null,
        submitted_by: submitted ? 'persoonlijke link' : null,
      });
    }
    await bumpResultsVersion(trx, def.id);
  });
}

async function loadBaseline(deps: AppDeps, log: (line: string) => void): Promise<number> {
  const ctx = { db: deps.db, actor: ACTOR, now: deps.now() };
  const intro = {
    nl: 'Voorbeeldgegevens. Het programma vraagt alle gemeenten naar hun aanpak van mensenhandel, langs de vier rollen van de gemeente.',
    en: 'Example data. The programme asks every municipality about its approach, along the municipality’s four roles.',
  };
  const id = await createSurvey(ctx, {
    title: { nl: BASELINE_TITLE, en: 'Baseline of the municipal approach to human trafficking 2019' },
    intro,
    referenceDate: '2019-04-01',
    opensOn: '2019-04-01',
    closesOn: '2019-04-25',
    reminderDays: [7, 2],
    previousSurveyId: null,
  });
  await buildQuestionnaire(deps, id);
  await ensureInvitations(ctx, id, '2019-04-01');
  const invitations = await demoInvite(deps, id, '2019-04-01T08:00:00.000Z');
  const def = await requireSurvey(deps.db, id);
  const chosen = pick(invitations, BASELINE_RESPONDENTS, 160, 'nulmeting');
  await addResponses(deps, def, chosen.slice(0, 135), true, def.closesOn);
  await addResponses(deps, def, chosen.slice(135), false, def.closesOn);
  const answered = new Set(chosen.slice(0, 135).map((i) => i.municipality_code));
  for (const i of invitations.filter((x) => !answered.has(x.municipality_code))) {
    for (const d of def.reminderDays) await recordReminder(deps.db, Number(i.id), `d${d}`, `${daysBefore(def.closesOn, d)}T08:00:00.000Z`);
  }
  await inTransaction(deps.db, async (trx) => {
    await updateSurveyRow(trx, id, { status: 'published', updated_at: deps.now().toISOString() });
    await recordAudit(trx, {
      at: deps.now(),
      actor: ACTOR,
      action: 'survey.published',
      entity: 'survey',
      entityId: id,
      after: { status: 'published', demo: true },
    });
  });
  const published = await requireSurvey(deps.db, id);
  const inputs = await reportInputs(deps.db, published);
  for (const code of inputs.answers.keys()) {
    const data = reportFrom(inputs, code);
    if (!data) continue;
    await upsertReport(deps.db, { surveyId: id, code, jobId: 0, dataJson: JSON.stringify(data), at: '2019-05-14T09:00:00.000Z' });
    await markReportEmailed(deps.db, id, code, '2019-05-14T09:00:00.000Z');
  }
  log(
    `demo: survey “${BASELINE_TITLE}”: 355 invited, 135 submitted, published at /enquetes/${published.slug}, ${inputs.answers.size} feedback reports`,
  );
  return id;
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function loadFollowUp(deps: AppDeps, baselineId: number, log: (line: string) => void) {
  const ctx = { db: deps.db, actor: ACTOR, now: deps.now() };
  const today = todayOf(deps);
  const id = await copySurvey(ctx, baselineId);
  const title = { nl: 'Vervolgmeting gemeentelijke aanpak mensenhandel', en: 'Follow-up of the municipal approach to human trafficking' };
  const intro = {
    nl: 'Voorbeeldgegevens. Een nieuwe ronde op de gemeentelijke kaart van 1 januari 2025; de terugkoppeling vergelijkt met 2019, ook over herindelingen heen.',
    en: 'Example data. A new round on the municipal map of 1 January 2025, compared with 2019 across mergers.',
  };
  await updateSurvey(ctx, id, {
    title,
    intro,
    referenceDate: '2025-01-01',
    opensOn: shift(today, -10),
    closesOn: shift(today, 21),
    reminderDays: [7, 2],
    previousSurveyId: baselineId,
  });
  await changeStatus(ctx, id, 'open', today);
  await ensureInvitations(ctx, id, today);
  const invitations = (await demoInvite(deps, id, `${shift(today, -10)}T08:00:00.000Z`)).filter((i) => i.municipality_code !== 'GM0363');
  const def = await requireSurvey(deps.db, id);
  const chosen = pick(invitations, ['GM1982', 'GM1979', 'GM0855', 'GM0865'], 100, 'vervolg');
  await addResponses(deps, def, chosen.slice(0, 70), true, today);
  await addResponses(deps, def, chosen.slice(70), false, today);
  const utrecht = (await selectInvitations(deps.db, id)).find((i) => i.municipality_code === 'GM0344');
  log(`demo: survey “${title.nl}” (open, ${invitations.length + 1} municipalities of 2025-01-01, 70 submitted); Amsterdam has not started`);
  if (utrecht && !chosen.some((c) => c.municipality_code === 'GM0344')) {
    const token = await issueLink(deps.db, Number(utrecht.id), 'respond', def.closesOn, deps.now());
    log(`  personal link for Utrecht (demo): ${linkUrl(deps.config.publicBaseUrl, token)}`);
  }
}

export async function loadSurveyDemo(deps: AppDeps, log: (line: string) => void = () => {}): Promise<void> {
  if ((await listSurveys(deps.db)).some((s) => s.title.nl === BASELINE_TITLE)) {
    log('demo: surveys already loaded');
    return;
  }
  const baselineId = await loadBaseline(deps, log);
  await loadFollowUp(deps, baselineId, log);
}
