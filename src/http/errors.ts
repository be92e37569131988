// Every error the app raises on purpose: an HTTP status, a stable id and a message in both
// languages. One error handler (src/http/error-handler.ts) renders them as a page or problem+json.
import type { Localized } from '../i18n.ts';

export interface FieldError {
  /** The form field or JSON property, e.g. "email" or "coverage.0.from". */
  field: string;
  message: Localized;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: Localized,
    readonly fields: FieldError[] = [],
  ) {
    super(detail.en);
  }
}

export const errors = {
  badRequest: (detail: Localized, fields: FieldError[] = []) => new AppError(400, 'bad_request', detail, fields),
  validation: (fields: FieldError[]) =>
    new AppError(
      400,
      'validation_failed',
      { nl: 'De invoer is niet juist. Verbeter de gemarkeerde velden.', en: 'The input is not valid. Correct the marked fields.' },
      fields,
    ),
  unauthorized: () => new AppError(401, 'unauthorized', { nl: 'Log in om deze pagina te bekijken.', en: 'Log in to view this page.' }),
  forbidden: () =>
    new AppError(403, 'forbidden', {
      nl: 'U heeft geen toegang tot deze pagina.',
      en: 'You do not have access to this page.',
    }),
  csrf: () =>
    new AppError(403, 'csrf_invalid', {
      nl: 'Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.',
      en: 'The form has expired. Reload the page and try again.',
    }),
  crossSite: () =>
    new AppError(403, 'cross_site_request', {
      nl: 'Dit formulier is vanaf een andere website verstuurd en daarom geweigerd. Open de pagina op deze website zelf en verstuur het formulier opnieuw.',
      en: 'This form was sent from another website and has therefore been refused. Open the page on this website itself and send the form again.',
    }),
  notFound: (what?: Localized) =>
    new AppError(404, 'not_found', what ?? { nl: 'Deze pagina bestaat niet.', en: 'This page does not exist.' }),
  conflict: (detail: Localized) => new AppError(409, 'conflict', detail),
  tooManyRequests: (detail?: Localized) =>
    new AppError(
      429,
      'too_many_requests',
      detail ?? {
        nl: 'Te veel verzoeken. Wacht een paar minuten en probeer het opnieuw.',
        en: 'Too many requests. Wait a few minutes and try again.',
      },
    ),
  unavailable: (detail: Localized) => new AppError(503, 'unavailable', detail),
};
