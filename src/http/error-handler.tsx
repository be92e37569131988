// One error handler: AppErrors and framework errors become a Dutch/English page or an RFC 9457
// problem+json body. No stack traces leave the server outside development.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defineMessages, type Localized } from '../i18n.ts';
import { Heading1, Paragraph } from '../views/components.tsx';
import { dbInputError } from './db-errors.ts';
import { AppError, errors } from './errors.ts';
import { sendPage } from './render.tsx';

const m = defineMessages({
  title400: { nl: 'Ongeldige invoer', en: 'Invalid input' },
  title401: { nl: 'Inloggen nodig', en: 'Login required' },
  title403: { nl: 'Geen toegang', en: 'No access' },
  title404: { nl: 'Pagina niet gevonden', en: 'Page not found' },
  title429: { nl: 'Even geduld', en: 'Please wait' },
  title500: { nl: 'Er ging iets mis', en: 'Something went wrong' },
  login: { nl: 'Inloggen', en: 'Log in' },
  home: { nl: 'Naar de homepage', en: 'Go to the home page' },
});

export function isApiRequest(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || req.url === '/metrics';
}

/**
 * Maps any thrown error onto an AppError with a message a person understands. `inputs` (the body
 * and query) let a database constraint error name the field as the request called it.
 */
export function toAppError(error: FastifyError | AppError | Error, ...inputs: unknown[]): AppError {
  if (error instanceof AppError) return error;
  const fromDb = dbInputError(error, ...inputs);
  if (fromDb) return fromDb;
  const e = error as FastifyError;
  const status = e.statusCode ?? 500;
  if (typeof e.code === 'string' && e.code.startsWith('FST_CSRF')) return errors.csrf();
  if (status === 429) return errors.tooManyRequests();
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return new AppError(415, 'unsupported_media_type', {
      nl: 'Dit soort invoer wordt niet ondersteund. Stuur een formulier of JSON.',
      en: 'This kind of input is not supported. Send a form or JSON.',
    });
  }
  if (status === 413) {
    return new AppError(413, 'too_large', { nl: 'De invoer is te groot.', en: 'The input is too large.' });
  }
  if (e.validation) {
    return errors.validation(
      e.validation.map((v) => ({
        field: String(v.instancePath || (v.params as { missingProperty?: unknown } | undefined)?.missingProperty || '_')
          .replace(/^\//, '')
          .replace(/\//g, '.'),
        message: { nl: 'Deze waarde is niet geldig.', en: 'This value is not valid.' } as Localized,
      })),
    );
  }
  if (status >= 400 && status < 500) {
    return new AppError(status, 'bad_request', {
      nl: 'Het verzoek kon niet worden verwerkt. Controleer de invoer en probeer het opnieuw.',
      en: 'The request could not be processed. Check the input and try again.',
    });
  }
  return new AppError(500, 'internal_error', {
    nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw; wat u al had opgeslagen, blijft bewaard.',
    en: 'Something went wrong on our side. Try again later; what you saved before is kept.',
  });
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  const locale = req.locale ?? 'nl';
  const body: Record<string, unknown> = {
    type: `about:blank`,
    title: err.code,
    status: err.status,
    detail: err.detail[locale],
    code: err.code,
    instance: req.url.split('?')[0],
  };
  if (err.fields.length > 0) {
    body.errors = err.fields.map((f) => ({ field: f.field, detail: f.message[locale] }));
  }
  return reply.code(err.status).type('application/problem+json; charset=utf-8').header('cache-control', 'no-store').send(body);
}

export function sendErrorPage(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  const t = m(req.locale ?? 'nl');
  const titles: Record<number, string> = { 400: t.title400, 401: t.title401, 403: t.title403, 404: t.title404, 429: t.title429 };
  const title = titles[err.status] ?? (err.status < 500 ? t.title400 : t.title500);
  const locale = req.locale ?? 'nl';
  const next = encodeURIComponent(req.url);
  return sendPage(
    req,
    reply,
    { title, status: err.status },
    <>
      <Heading1>{title}</Heading1>
      <Paragraph>{err.detail[locale]}</Paragraph>
      {err.fields.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {err.fields.map((f) => (
            <li class="utrecht-unordered-list__item" key={f.field}>
              {f.field}: {f.message[locale]}
            </li>
          ))}
        </ul>
      ) : null}
      <Paragraph>
        {err.status === 401 ? (
          <a class="utrecht-link" href={`/inloggen?terug=${next}`}>
            {t.login}
          </a>
        ) : (
          <a class="utrecht-link" href="/">
            {t.home}
          </a>
        )}
      </Paragraph>
    </>,
  );
}

export function installErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const appError = toAppError(error, req.body, req.query);
    if (appError.status >= 500) req.log.error({ err: error }, 'request failed');
    else req.log.info({ code: appError.code, status: appError.status }, 'request rejected');
    if (appError.status === 429 && error.statusCode === 429) {
      const retry = reply.getHeader('retry-after');
      if (retry) reply.header('retry-after', retry);
    }
    if (isApiRequest(req) || !req.server.assets) return sendProblem(req, reply, appError);
    return sendErrorPage(req, reply, appError);
  });
  app.setNotFoundHandler({ preHandler: undefined }, (req, reply) => {
    const err = errors.notFound();
    if (isApiRequest(req)) return sendProblem(req, reply, err);
    return sendErrorPage(req, reply, err);
  });
}
