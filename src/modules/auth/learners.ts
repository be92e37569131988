// Learner accounts for the academy module (additive public API of the auth module): the academy
// makes a learner's account after the email is confirmed, and a learner deletes their own account.
// The academy calls only these two functions, so the auth module's internals can change freely.
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import type { Actor } from '../../http/request-user.ts';
import { authCtxFor } from './context.ts';
import { createUser, findUserById } from './users.service.ts';
import { eraseUser } from './users-erase.ts';

/** Creates an active learner account (in `deps.db`, which may be the caller's transaction). */
export async function createLearnerAccount(
  deps: AppDeps,
  actor: Actor,
  input: { email: string; name: string; password: string },
): Promise<{ id: number }> {
  const row = await createUser(authCtxFor(deps, actor), {
    email: input.email,
    name: input.name,
    role: 'learner',
    password: input.password,
  });
  return { id: Number(row.id) };
}

/** Erases a learner's own account (name, email, password, sessions); refuses any other role. */
export async function eraseLearnerAccount(deps: AppDeps, userId: number): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (user?.role !== 'learner') throw errors.forbidden();
  await eraseUser(authCtxFor(deps, { userId: null, label: `learner ${userId} (own request)` }), userId);
}
