// Who is answering: a personal link (permission `token`: the route checks the token, only its hash
// is stored) or a signed-in municipality account (permission municipalityOrStaff with scope
// ownMunicipality on the `code` parameter, enforced by the pipeline; staff may act on its behalf).
// Either way the result is the same: the survey, the invitation and where its pages live.
import type { FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { idParam } from '../../http/route-kit.ts';
import type { Localized } from '../../i18n.ts';
import type { InvitationRow } from './invitations.queries.ts';
import { selectInvitation } from './invitations.queries.ts';
import { RESPOND_PATH, resolveLink } from './links.ts';
import { acceptsAnswers } from './responses.service.ts';
import { getSurveyDef } from './surveys.service.ts';
import type { LinkPurpose } from './tables.ts';
import type { SurveyDef } from './types.ts';
import type { RespondLocation } from './views/respond-section.tsx';

export interface Respondent {
  survey: SurveyDef;
  invitation: InvitationRow;
  loc: RespondLocation;
  /** How the audit trail and colleagues see who saved. */
  who: string;
  signedInEmail: string | null;
  purpose: LinkPurpose;
  editable: boolean;
}

const M = {
  unknown: {
    nl: 'Deze link kennen wij niet. Controleer of u de hele link uit de e-mail heeft overgenomen.',
    en: 'We do not know this link. Check that you copied the whole link from the email.',
  },
  revoked: {
    nl: 'Deze link is ingetrokken. Gebruik de nieuwste link die uw gemeente heeft ontvangen.',
    en: 'This link has been revoked. Use the newest link your municipality received.',
  },
  expired: { nl: 'Deze link is verlopen.', en: 'This link has expired.' },
  reportOnly: { nl: 'Met deze link kunt u alleen de terugkoppeling lezen.', en: 'This link only opens the feedback report.' },
} satisfies Record<string, Localized>;

export class LinkProblem {
  constructor(
    readonly status: number,
    readonly message: Localized,
  ) {}
}

const NOT_FOUND = () =>
  errors.notFound({
    nl: 'Deze vragenlijst bestaat niet of is niet voor uw gemeente.',
    en: 'This questionnaire does not exist or is not for your municipality.',
  });

async function surveyAndInvitation(
  deps: AppDeps,
  surveyId: number,
  code: string,
): Promise<{ survey: SurveyDef; invitation: InvitationRow } | null> {
  const survey = await getSurveyDef(deps.db, surveyId);
  if (!survey || survey.status === 'draft') return null;
  const invitation = await selectInvitation(deps.db, surveyId, code);
  return invitation ? { survey, invitation } : null;
}

/** The respondent of a personal link (token in the query string or the form), or why the link does not work. */
export async function respondentFromToken(
  req: FastifyRequest,
  deps: AppDeps,
  options: { reportOnly?: boolean } = {},
): Promise<Respondent | LinkProblem> {
  const token = (req.body as Record<string, unknown> | undefined)?.token ?? (req.query as Record<string, unknown> | undefined)?.token;
  const link = await resolveLink(deps.db, token, deps.now());
  if (link.status === 'unknown') return new LinkProblem(404, M.unknown);
  if (link.status === 'revoked') return new LinkProblem(403, M.revoked);
  if (link.status !== 'valid') return new LinkProblem(410, M.expired);
  if (link.purpose === 'report' && !options.reportOnly) return new LinkProblem(403, M.reportOnly);
  const found = await surveyAndInvitation(deps, link.surveyId, link.code);
  if (!found) return new LinkProblem(404, M.unknown);
  return {
    ...found,
    loc: { base: RESPOND_PATH, token: token as string },
    who: req.locale === 'en' ? 'personal link' : 'persoonlijke link',
    signedInEmail: null,
    purpose: link.purpose,
    editable: link.purpose === 'respond' && acceptsAnswers(found.survey, todayOf(deps)),
  };
}

/** The respondent of a signed-in account on /mijn-gemeente/:code/enquetes/:surveyId (the pipeline checked the scope). */
export async function respondentFromAccount(req: FastifyRequest, deps: AppDeps): Promise<Respondent> {
  const surveyId = idParam(req, 'surveyId');
  const code = String((req.params as { code?: string }).code ?? '').toUpperCase();
  const found = await surveyAndInvitation(deps, surveyId, code);
  if (!found || !req.user) throw NOT_FOUND();
  return {
    ...found,
    loc: { base: `/mijn-gemeente/${code}/enquetes/${surveyId}`, token: null },
    who: req.user.name ?? req.user.email,
    signedInEmail: req.user.email,
    purpose: 'respond',
    editable: acceptsAnswers(found.survey, todayOf(deps)),
  };
}

export function isProblem(r: Respondent | LinkProblem): r is LinkProblem {
  return r instanceof LinkProblem;
}

/** The section number of `:part` (1…sections), or a 404. */
export function partOf(req: FastifyRequest, survey: SurveyDef): number {
  const raw = String((req.params as { part?: string }).part ?? '');
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) : 0;
  if (n < 1 || n > survey.sections.length) throw errors.notFound({ nl: 'Dit onderdeel bestaat niet.', en: 'This part does not exist.' });
  return n;
}
