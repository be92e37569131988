// One way the advice module's forms answer: validate with Zod; on bad input re-render the form with
// status 400, the values typed and a message beside each field; on success redirect (303). An error
// the service raises with field messages (an unknown municipality, say) is shown the same way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, type FieldError } from '../../http/errors.ts';
import { formValues } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';

export type Values = Record<string, string>;

export interface FormFlow<S extends z.ZodType> {
  schema: S;
  /** Renders the form again with what was typed and the errors, with this status. */
  render: (values: Values, errors: FieldError[], status: number) => Promise<unknown> | unknown;
  /** Does the work; returns where to go next. */
  act: (data: z.infer<S>) => Promise<string>;
}

export async function handleForm<S extends z.ZodType>(req: FastifyRequest, reply: FastifyReply, flow: FormFlow<S>) {
  const values = formValues(req.body);
  const parsed = parseInput(flow.schema, req.body ?? {});
  if (!parsed.ok) return flow.render(values, parsed.errors, 400);
  try {
    return reply.redirect(await flow.act(parsed.data), 303);
  } catch (e) {
    if (e instanceof AppError && e.fields.length > 0 && e.status < 500) return flow.render(values, e.fields, e.status);
    throw e;
  }
}

/** The values of a multi-value field as formValues() keeps them (joined by spaces). */
export function listValue(values: Values, name: string): string[] {
  return (values[name] ?? '').split(/\s+/).filter(Boolean);
}

/** A page's `?terug=` target, only when it is one of our own staff paths. */
export function safeBack(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/beheer\/advies(\/[\w\-/?=&.%]*)?$/.test(value) && !value.includes('//') ? value : fallback;
}
