// The props of an email address typed as the account's username (login, password reset). An
// `<input type="email">` may not carry `autocomplete="username"` (WCAG 1.3.5: the autofill token
// must suit the control), so the field is a text box that asks for the email keyboard, without
// spelling correction or a capital first letter; password managers fill it as the username.
import type { FieldProps } from '../../../views/components.tsx';

export const USERNAME_EMAIL = {
  type: 'text',
  inputMode: 'email',
  autocomplete: 'username',
  attributes: { spellcheck: 'false', autocapitalize: 'none' },
} satisfies Partial<FieldProps>;
