// CLI commands of account administration: `user:create` (the first admin in production) and
// `token:create` (a personal API token, printed once).

import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { ROLES } from '../../http/permissions.ts';
import type { Actor } from '../../http/request-user.ts';
import { msg, parseInput } from '../../http/validate.ts';
import type { CliCommand, CliContext } from '../../module.ts';
import { createApiToken } from './api-tokens.ts';
import { authCtxFor } from './context.ts';
import { issuePasswordLink } from './one-time-links.ts';
import { PASSWORD_RULES } from './passwords.ts';
import { tokenNameInput, userEmail } from './users.schema.ts';
import { createUser, findUserByEmail, type UserRow } from './users.service.ts';

export const CLI_ACTOR: Actor = { userId: null, label: 'cli' };

const text = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);

/** Prints each problem as "--field: message" and returns exit code 2. */
function invalid(ctx: CliContext, problems: { field: string; message: string }[]): number {
  for (const p of problems) ctx.out(`Error: --${p.field}: ${p.message}`);
  return 2;
}

const userCreateInput = z.object({
  email: userEmail,
  role: z.enum(ROLES, msg({ nl: `Kies een van: ${ROLES.join(', ')}.`, en: `Choose one of: ${ROLES.join(', ')}.` })),
  name: z.string().trim().max(200).optional(),
  password: PASSWORD_RULES.optional(),
  municipality: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^GM\d{4}$/, msg({ nl: 'Gebruik een CBS-code als GM0363.', en: 'Use a CBS code like GM0363.' }))
    .optional(),
});

const userCreate: CliCommand = {
  name: 'user:create',
  usage: 'user:create --email E --role admin|adviser|coordinator|municipality|learner [--name N] [--password P] [--municipality GM0363]',
  description:
    'Creates an account. Without --password it prints a one-time link (valid 7 days) where the person chooses a password. ' +
    'Admins and advisers set up two-step verification at their first login.',
  async run(options, ctx) {
    const parsed = parseInput(userCreateInput, {
      email: text(options.email),
      role: text(options.role),
      name: text(options.name),
      password: text(options.password),
      municipality: text(options.municipality),
    });
    if (!parsed.ok)
      return invalid(
        ctx,
        parsed.errors.map((e) => ({ field: e.field, message: e.message.en })),
      );
    const input = parsed.data;
    if (input.role === 'municipality' && !input.municipality) {
      return invalid(ctx, [
        { field: 'municipality', message: 'A municipality account needs --municipality with its CBS code, like GM0363.' },
      ]);
    }
    const deps = await ctx.deps();
    const service = authCtxFor(deps, CLI_ACTOR);
    let user: UserRow;
    try {
      user = await createUser(service, {
        email: input.email,
        name: input.name ?? null,
        role: input.role,
        password: input.password,
        municipalityCode: input.municipality ?? null,
      });
    } catch (e) {
      if (e instanceof AppError && e.status < 500) return invalid(ctx, [{ field: e.fields[0]?.field ?? 'email', message: e.detail.en }]);
      throw e;
    }
    ctx.out(`Created ${user.role} account ${user.email} (id ${user.id}).`);
    if (!input.password) {
      const link = await issuePasswordLink(service, user.id, 'invite');
      ctx.out('Open this one-time link to choose a password (valid for 7 days, works once):');
      ctx.out(link);
    }
    if (user.role === 'admin' || user.role === 'adviser')
      ctx.out('At the first login the account is asked to set up two-step verification (TOTP).');
    return 0;
  },
};

const tokenCreate: CliCommand = {
  name: 'token:create',
  usage: 'token:create --email E [--name N]',
  description:
    'Creates a personal API token for a staff account (admin or adviser) and prints it once. Send it as "Authorization: Bearer <token>" to /api/v1.',
  async run(options, ctx) {
    const email = parseInput(z.object({ email: userEmail }), { email: text(options.email) });
    if (!email.ok)
      return invalid(
        ctx,
        email.errors.map((e) => ({ field: e.field, message: e.message.en })),
      );
    const name = parseInput(tokenNameInput, { name: text(options.name) ?? 'cli' });
    if (!name.ok)
      return invalid(
        ctx,
        name.errors.map((e) => ({ field: e.field, message: e.message.en })),
      );
    const deps = await ctx.deps();
    const user = await findUserByEmail(deps.db, email.data.email);
    if (!user) return invalid(ctx, [{ field: 'email', message: `No account with email address ${email.data.email}.` }]);
    try {
      const created = await createApiToken(authCtxFor(deps, CLI_ACTOR), user.id, name.data.name);
      ctx.out(`API token "${name.data.name}" for ${user.email} (${user.role}). It is shown only this once; store it safely:`);
      ctx.out(created.token);
      return 0;
    } catch (e) {
      if (e instanceof AppError && e.status < 500) return invalid(ctx, [{ field: 'email', message: e.detail.en }]);
      throw e;
    }
  },
};

export const authCommands: CliCommand[] = [userCreate, tokenCreate];
