// Form and CLI input for account administration (Zod). Field names are the forms' `name` attributes.
import { z } from 'zod';
import { ROLES } from '../../http/permissions.ts';
import { MAX_ID } from '../../http/route-kit.ts';
import { asList, msg, optionalText } from '../../http/validate.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

export const userEmail = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z
    .string(msg({ nl: 'Vul het e-mailadres in.', en: 'Enter the email address.' }))
    .min(1, msg({ nl: 'Vul het e-mailadres in.', en: 'Enter the email address.' }))
    .max(254, msg({ nl: 'Dit e-mailadres is te lang.', en: 'This email address is too long.' }))
    .pipe(
      z.email(
        msg({ nl: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.', en: 'Enter a valid email address, like name@example.org.' }),
      ),
    ),
);

export const userRole = z.enum(ROLES, msg({ nl: 'Kies een rol.', en: 'Choose a role.' }));

const municipalityCode = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toUpperCase()) : v),
  z
    .string()
    .regex(/^GM\d{4}$/, msg({ nl: 'Vul een CBS-code in als GM0363.', en: 'Enter a CBS code like GM0363.' }))
    .optional(),
);

const coordinatorId = z.preprocess(
  blankToUndefined,
  z.coerce
    .number(msg({ nl: 'Vul het nummer van de zorgcoördinator in.', en: 'Enter the care coordinator number.' }))
    .int(msg({ nl: 'Vul een heel getal in.', en: 'Enter a whole number.' }))
    .positive(msg({ nl: 'Vul een getal groter dan 0 in.', en: 'Enter a number greater than 0.' }))
    .max(MAX_ID, msg({ nl: 'Zo hoog gaan de nummers niet. Controleer het nummer.', en: 'Numbers do not go that high. Check the number.' }))
    .optional(),
);

/** A municipality account needs its CBS code, a coordinator account its coordinator; each is only kept for that role. */
function roleDetails<T extends { role: string; municipality_code?: string; coordinator_id?: number }>(value: T, ctx: z.RefinementCtx) {
  if (value.role === 'coordinator' && value.coordinator_id === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['coordinator_id'],
      message: msg({
        nl: 'Vul het nummer van de zorgcoördinator in die dit account beheert.',
        en: 'Enter the number of the care coordinator this account manages.',
      }).error,
    });
  }
  if (value.role === 'municipality' && !value.municipality_code) {
    ctx.addIssue({
      code: 'custom',
      path: ['municipality_code'],
      message: msg({ nl: 'Vul de CBS-code van de gemeente in, zoals GM0363.', en: "Enter the municipality's CBS code, like GM0363." })
        .error,
    });
  }
}

export const inviteUserInput = z
  .object({
    email: userEmail,
    name: optionalText(200),
    role: userRole,
    municipality_code: municipalityCode,
    coordinator_id: coordinatorId,
  })
  .superRefine(roleDetails);

export const changeRoleInput = z
  .object({
    role: userRole,
    municipality_code: municipalityCode,
    coordinator_id: coordinatorId,
  })
  .superRefine(roleDetails);

export const eraseUserInput = z.object({
  confirm_email: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z
      .string(msg({ nl: 'Typ het e-mailadres ter bevestiging.', en: 'Type the email address to confirm.' }))
      .min(1, msg({ nl: 'Typ het e-mailadres ter bevestiging.', en: 'Type the email address to confirm.' })),
  ),
});

export const USER_SORTS = ['email', 'name', 'role', 'status', 'created_at', 'last_login_at'] as const;
export type UserSort = (typeof USER_SORTS)[number];

export const userListQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().max(200).optional()).catch(undefined),
  role: z.preprocess(blankToUndefined, userRole.optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(['invited', 'active', 'deactivated']).optional()).catch(undefined),
  sort: z.preprocess(blankToUndefined, z.enum(USER_SORTS).optional()).catch(undefined),
});

export const tokenNameInput = z.object({
  name: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string(msg({ nl: 'Geef het token een naam.', en: 'Give the token a name.' }))
      .min(1, msg({ nl: 'Geef het token een naam, zodat u het later herkent.', en: 'Give the token a name so you recognise it later.' }))
      .max(100, msg({ nl: 'Gebruik hoogstens 100 tekens.', en: 'Use at most 100 characters.' })),
  ),
});

/** The grants form: the checked boxes (none checked: the field is absent). */
export const grantsInput = z.object({
  grants: z.preprocess(
    asList,
    z.array(z.string().max(50), msg({ nl: 'Kies rechten uit de lijst.', en: 'Choose rights from the list.' })).max(50),
  ),
});

export type InviteUserInput = z.infer<typeof inviteUserInput>;
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;
export type UserListQuery = z.infer<typeof userListQuery>;
