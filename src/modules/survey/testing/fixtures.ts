// A small survey made through the module's services for tests and the route examples: two
// questions, invitations for a few municipalities only (not the whole reference date, to stay
// fast), typed recipients, a personal link per municipality, optionally submitted answers, a
// status and the sent feedback reports.
import type { AppDeps, ServiceCtx } from '../../../deps.ts';
import { municipalitiesOn } from '../../atlas/index.ts';
import { addQuestion, addSection } from '../builder.service.ts';
import { sizeClassOf } from '../groups.logic.ts';
import { insertInvitations, insertRecipients, selectInvitation, selectInvitations } from '../invitations.queries.ts';
import { issueLink } from '../links.ts';
import { reportFrom, reportInputs } from '../reports.service.ts';
import { markReportEmailed, upsertReport } from '../responses.queries.ts';
import { confirmationRecipients, saveAnswers, submitResponse } from '../responses.service.ts';
import { changeStatus, createSurvey, requireSurvey } from '../surveys.service.ts';
import type { SurveyStatus } from '../types.ts';

export interface Fixture {
  id: number;
  slug: string;
  sectionId: number;
  questionIds: number[];
  tokens: Map<string, string>;
}

let made = 0;

const TODAY = () => new Date().toISOString().slice(0, 10);

async function questions(ctx: ServiceCtx, id: number) {
  const sectionId = await addSection(ctx, id, { title: { nl: 'Onderdeel', en: 'Part' }, intro: { nl: '', en: '' } });
  const none = { nl: '', en: '' };
  const base = { help: none, required: false, condition: null, min: null, max: null, lowLabel: none, highLabel: none };
  const q1 = await addQuestion(ctx, id, sectionId, {
    ...base,
    key: 'beleid',
    type: 'yesno',
    text: { nl: 'Heeft u beleid?', en: 'Do you have a policy?' },
    allowUnknown: true,
    options: [],
  });
  const q2 = await addQuestion(ctx, id, sectionId, {
    ...base,
    key: 'partners',
    type: 'multiple',
    text: { nl: 'Met wie werkt u samen?', en: 'Who do you work with?' },
    allowUnknown: false,
    options: [
      { value: 'politie', label: { nl: 'Politie', en: 'Police' } },
      { value: 'zorg', label: { nl: 'Zorgcoördinator', en: 'Care coordinator' } },
    ],
  });
  return { sectionId, q1, q2 };
}

async function invite(deps: AppDeps, id: number, codes: string[], referenceDate: string, now: Date) {
  const list = (await municipalitiesOn(deps.db, referenceDate)).filter((m) => codes.includes(m.code));
  const at = now.toISOString();
  await insertInvitations(
    deps.db,
    list.map((m) => ({
      survey_id: id,
      municipality_code: m.code,
      municipality_name: m.name,
      province_code: m.provinceCode,
      province_name: m.provinceName,
      population: m.population,
      size_class: sizeClassOf(m.population),
      invited_at: at,
      last_sent_at: at,
      created_at: at,
    })),
  );
  const invitations = await selectInvitations(deps.db, id);
  await insertRecipients(
    deps.db,
    invitations.map((i) => ({
      invitation_id: Number(i.id),
      contact_id: null,
      email: `fixture-${i.municipality_code.toLowerCase()}@voorbeeld.invalid`,
      name: null,
      created_at: at,
    })),
  );
  return invitations;
}

export async function fixtureSurvey(
  deps: AppDeps,
  options: {
    status?: SurveyStatus;
    codes?: string[];
    submitted?: string[];
    reports?: boolean;
    referenceDate?: string;
    title?: string;
  } = {},
): Promise<Fixture> {
  made += 1;
  const ctx: ServiceCtx = { db: deps.db, actor: { userId: null, label: 'test fixture' }, now: deps.now() };
  const title = options.title ?? `Testenquête ${made} ${process.pid}`;
  const referenceDate = options.referenceDate ?? '2019-04-01';
  const id = await createSurvey(ctx, {
    title: { nl: title, en: title },
    intro: { nl: '', en: '' },
    referenceDate,
    opensOn: '2019-04-01',
    closesOn: '2099-12-31',
    reminderDays: [],
    previousSurveyId: null,
  });
  const { sectionId, q1, q2 } = await questions(ctx, id);
  const invitations = await invite(deps, id, options.codes ?? ['GM0363', 'GM0014'], referenceDate, ctx.now);
  const at = ctx.now.toISOString();
  const status = options.status ?? 'draft';
  if (status !== 'draft') await changeStatus(ctx, id, 'open', TODAY());
  const tokens = new Map<string, string>();
  for (const i of invitations) tokens.set(i.municipality_code, await issueLink(deps.db, Number(i.id), 'respond', '2099-12-31', ctx.now));
  const survey = await requireSurvey(deps.db, id);
  for (const code of options.submitted ?? []) {
    const invitation = (await selectInvitation(deps.db, id, code))!;
    await saveAnswers(
      ctx,
      {
        survey,
        invitation,
        baseVersion: 0,
        changes: [
          { questionId: q1, value: 'ja' },
          { questionId: q2, value: ['politie'] },
        ],
        who: 'fixture',
      },
      TODAY(),
    );
    const confirmTo = await confirmationRecipients(deps.db, invitation, TODAY(), null);
    await submitResponse(ctx, { survey: await requireSurvey(deps.db, id), invitation, who: 'fixture', confirmTo }, TODAY());
  }
  if (status === 'closed' || status === 'published') await changeStatus(ctx, id, 'closed', TODAY());
  if (status === 'published') await changeStatus(ctx, id, 'published', TODAY());
  if (options.reports) {
    const inputs = await reportInputs(deps.db, await requireSurvey(deps.db, id));
    for (const code of inputs.answers.keys()) {
      await upsertReport(deps.db, { surveyId: id, code, jobId: 0, dataJson: JSON.stringify(reportFrom(inputs, code)), at });
      await markReportEmailed(deps.db, id, code, at);
    }
  }
  return { id, slug: survey.slug, sectionId, questionIds: [q1, q2], tokens };
}
