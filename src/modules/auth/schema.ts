// Form input of the auth pages (Zod). Field names are the form's `name` attributes.
import { z } from 'zod';
import { msg } from '../../http/validate.ts';
import { PASSWORD_RULES } from './passwords.ts';

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

const emailRequired = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z
    .string(msg({ nl: 'Vul uw e-mailadres in.', en: 'Enter your email address.' }))
    .min(1, msg({ nl: 'Vul uw e-mailadres in.', en: 'Enter your email address.' }))
    .max(254, msg({ nl: 'Dit e-mailadres is te lang.', en: 'This email address is too long.' })),
);

const emailAddress = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z
    .string(msg({ nl: 'Vul uw e-mailadres in.', en: 'Enter your email address.' }))
    .min(1, msg({ nl: 'Vul uw e-mailadres in.', en: 'Enter your email address.' }))
    .max(254, msg({ nl: 'Dit e-mailadres is te lang.', en: 'This email address is too long.' }))
    .pipe(
      z.email(
        msg({ nl: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.', en: 'Enter a valid email address, like name@example.org.' }),
      ),
    ),
);

/** Password as typed at login: any non-empty text (the rules apply when one is chosen). */
const passwordGiven = z
  .string(msg({ nl: 'Vul uw wachtwoord in.', en: 'Enter your password.' }))
  .min(1, msg({ nl: 'Vul uw wachtwoord in.', en: 'Enter your password.' }))
  .max(1000, msg({ nl: 'Dit wachtwoord is te lang.', en: 'This password is too long.' }));

const returnPath = z.preprocess((v) => (typeof v === 'string' && v !== '' ? v : undefined), z.string().max(1000).optional());

export const loginInput = z.object({
  email: emailRequired,
  password: passwordGiven,
  terug: returnPath,
});

export const loginCodeInput = z.object({
  code: z.preprocess(
    trimmed,
    z
      .string(msg({ nl: 'Vul de code in.', en: 'Enter the code.' }))
      .min(1, msg({ nl: 'Vul de code in.', en: 'Enter the code.' }))
      .max(40, msg({ nl: 'Deze code is te lang.', en: 'This code is too long.' })),
  ),
  terug: returnPath,
});

const confirmMismatch = msg({
  nl: 'De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer.',
  en: 'The two passwords are not the same. Type the same password twice.',
});

const confirmField = z.string(msg({ nl: 'Herhaal het nieuwe wachtwoord.', en: 'Repeat the new password.' }));

export const changePasswordInput = z
  .object({
    current_password: passwordGiven.pipe(z.string()),
    new_password: PASSWORD_RULES,
    confirm_password: confirmField,
  })
  .superRefine((value, ctx) => {
    if (value.confirm_password !== value.new_password) {
      ctx.addIssue({ code: 'custom', path: ['confirm_password'], message: confirmMismatch.error });
    }
  });

export const forgotPasswordInput = z.object({ email: emailAddress });

export const setPasswordInput = z
  .object({
    token: z.string().max(200).optional(),
    new_password: PASSWORD_RULES,
    confirm_password: confirmField,
  })
  .superRefine((value, ctx) => {
    if (value.confirm_password !== value.new_password) {
      ctx.addIssue({ code: 'custom', path: ['confirm_password'], message: confirmMismatch.error });
    }
  });

export const totpConfirmInput = z.object({
  code: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/\s/g, '') : v),
    z
      .string(msg({ nl: 'Vul de code van zes cijfers in.', en: 'Enter the six-digit code.' }))
      .regex(/^\d{6}$/, msg({ nl: 'Vul de code van zes cijfers uit de app in.', en: 'Enter the six-digit code from the app.' })),
  ),
});

export type LoginInput = z.infer<typeof loginInput>;
