// Beheer › Gebruikers › <user>: details, change role, deactivate/reactivate, and erase.
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDateTime } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Notice, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { UserDetail } from '../users.presenters.ts';
import type { GrantOption } from '../users-grants.ts';
import { roleOptions, um } from './users-common.tsx';
import { GrantsForm } from './users-grants.tsx';

const m = defineMessages({
  details: { nl: 'Gegevens', en: 'Details' },
  totp: { nl: 'Tweestapsverificatie', en: 'Two-step verification' },
  grants: { nl: 'Extra rechten', en: 'Extra rights' },
  on: { nl: 'Aan', en: 'On' },
  off: { nl: 'Uit', en: 'Off' },
  created: { nl: 'Aangemaakt', en: 'Created' },
  none: { nl: '—', en: '—' },
  roleHeading: { nl: 'Rol wijzigen', en: 'Change role' },
  roleSubmit: { nl: 'Rol opslaan', en: 'Save role' },
  accessHeading: { nl: 'Toegang', en: 'Access' },
  deactivateIntro: {
    nl: 'Na deactiveren kan de gebruiker niet meer inloggen; open sessies en API-tokens vervallen direct.',
    en: 'After deactivation the user can no longer log in; open sessions and API tokens end at once.',
  },
  deactivate: { nl: 'Account deactiveren', en: 'Deactivate account' },
  reactivateIntro: { nl: 'Dit account is gedeactiveerd.', en: 'This account is deactivated.' },
  reactivate: { nl: 'Account weer activeren', en: 'Reactivate account' },
  resend: { nl: 'Uitnodiging opnieuw versturen', en: 'Send the invitation again' },
  eraseHeading: { nl: 'Gegevens wissen (AVG)', en: 'Erase data (GDPR)' },
  eraseIntro: {
    nl: 'Wis naam, e-mailadres en inloggegevens van deze persoon, ook uit de audittrail. Dit kan niet ongedaan worden gemaakt.',
    en: "Erase this person's name, email address and login details, also from the audit trail. This cannot be undone.",
  },
  eraseLink: { nl: 'Gegevens wissen…', en: 'Erase data…' },
  erased: { nl: 'De gegevens van deze gebruiker zijn gewist.', en: "This user's data has been erased." },
  saved: { nl: 'De wijziging is opgeslagen.', en: 'The change has been saved.' },
  sent: { nl: 'De uitnodiging is opnieuw verstuurd.', en: 'The invitation has been sent again.' },
  self: {
    nl: 'Dit is uw eigen account. Uw rol en toegang wijzigt een andere beheerder.',
    en: 'This is your own account. Another administrator changes your role and access.',
  },
  confirmTitle: { nl: 'Gegevens wissen', en: 'Erase data' },
  confirmText: (email: string) => ({
    nl: `U staat op het punt alle persoonsgegevens van ${email} te wissen. Typ het e-mailadres om te bevestigen.`,
    en: `You are about to erase all personal data of ${email}. Type the email address to confirm.`,
  }),
  confirmField: { nl: 'E-mailadres ter bevestiging', en: 'Email address to confirm' },
  confirmSubmit: { nl: 'Definitief wissen', en: 'Erase permanently' },
  cancel: { nl: 'Annuleren', en: 'Cancel' },
});

function Item(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">{props.label}</dt>
      <dd class="utrecht-data-list__item-value">{props.children}</dd>
    </div>
  );
}

export type UserDetailNotice = 'opgeslagen' | 'uitnodiging-verstuurd' | 'rechten-opgeslagen';

interface DetailProps {
  user: UserDetail;
  isSelf: boolean;
  grantOptions?: GrantOption[];
  errors?: FieldError[];
  values?: Record<string, string>;
  notice?: UserDetailNotice;
}

function Details(props: { user: UserDetail }) {
  const { locale } = usePage();
  const t = m(locale);
  const u = um(locale);
  const user = props.user;
  return (
    <dl class="utrecht-data-list">
      <Item label={u.email}>{user.email}</Item>
      <Item label={u.name}>{user.name ?? t.none}</Item>
      <Item label={u.role}>{u[user.role]}</Item>
      <Item label={u.status}>{u[user.status]}</Item>
      {user.municipalityCode ? <Item label={u.municipalityCode}>{user.municipalityCode}</Item> : null}
      {user.coordinatorId !== null ? <Item label={u.coordinatorId}>{user.coordinatorId}</Item> : null}
      <Item label={t.grants}>{user.grants.length > 0 ? user.grants.join(', ') : t.none}</Item>
      <Item label={t.totp}>{user.totpEnabled ? t.on : t.off}</Item>
      <Item label={u.lastLogin}>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : u.never}</Item>
      <Item label={t.created}>{formatDateTime(user.createdAt, locale)}</Item>
    </dl>
  );
}

function RoleForm(props: { user: UserDetail; errors: FieldError[]; values: Record<string, string> }) {
  const { locale } = usePage();
  const t = m(locale);
  const u = um(locale);
  const { user, errors, values: v } = props;
  return (
    <>
      <h2 class="utrecht-heading-2">{t.roleHeading}</h2>
      <Form action={`/beheer/gebruikers/${user.id}/rol`}>
        <SelectField name="role" label={u.role} value={v.role ?? user.role} options={roleOptions(locale)} errors={errors} />
        <TextField
          name="municipality_code"
          label={u.municipalityCode}
          description={u.municipalityCodeHelp}
          value={v.municipality_code ?? user.municipalityCode ?? ''}
          errors={errors}
        />
        <TextField
          name="coordinator_id"
          label={u.coordinatorId}
          description={u.coordinatorIdHelp}
          value={v.coordinator_id ?? (user.coordinatorId === null ? '' : String(user.coordinatorId))}
          inputMode="numeric"
          errors={errors}
        />
        <div class="utrecht-button-group">
          <SubmitButton>{t.roleSubmit}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

function ActionButton(props: { action: string; intro?: string; label: string }) {
  return (
    <Form action={props.action}>
      {props.intro ? <Paragraph>{props.intro}</Paragraph> : null}
      <div class="utrecht-button-group">
        <SubmitButton variant="secondary">{props.label}</SubmitButton>
      </div>
    </Form>
  );
}

function AccessForms(props: { user: UserDetail }) {
  const { locale } = usePage();
  const t = m(locale);
  const { user } = props;
  const base = `/beheer/gebruikers/${user.id}`;
  return (
    <>
      <h2 class="utrecht-heading-2">{t.accessHeading}</h2>
      {user.status === 'deactivated' ? (
        <ActionButton action={`${base}/activeren`} intro={t.reactivateIntro} label={t.reactivate} />
      ) : (
        <>
          {user.status === 'invited' ? <ActionButton action={`${base}/uitnodiging`} label={t.resend} /> : null}
          <ActionButton action={`${base}/deactiveren`} intro={t.deactivateIntro} label={t.deactivate} />
        </>
      )}
      <h2 class="utrecht-heading-2">{t.eraseHeading}</h2>
      <Paragraph>{t.eraseIntro}</Paragraph>
      <Paragraph>
        <a class="utrecht-link" href={`${base}/wissen`}>
          {t.eraseLink}
        </a>
      </Paragraph>
    </>
  );
}

export function UserDetailPage(props: DetailProps) {
  const { locale } = usePage();
  const t = m(locale);
  const u = um(locale);
  const { user } = props;
  const errors = props.errors ?? [];
  return (
    <div class="gaz-stack gaz-narrow">
      <Heading1>{user.name ?? user.email}</Heading1>
      <ErrorSummary
        errors={errors}
        labels={{ role: u.role, municipality_code: u.municipalityCode, coordinator_id: u.coordinatorId, grants: t.grants }}
      />
      {props.notice === 'opgeslagen' || props.notice === 'rechten-opgeslagen' ? <Notice kind="ok">{t.saved}</Notice> : null}
      {props.notice === 'uitnodiging-verstuurd' ? <Notice kind="ok">{t.sent}</Notice> : null}
      {user.erased ? <Notice>{t.erased}</Notice> : null}
      <h2 class="utrecht-heading-2">{t.details}</h2>
      <Details user={user} />
      {props.isSelf ? (
        <Notice>{t.self}</Notice>
      ) : user.erased ? null : (
        <>
          <RoleForm user={user} errors={errors} values={props.values ?? {}} />
          <GrantsForm
            action={`/beheer/gebruikers/${user.id}/rechten`}
            options={props.grantOptions ?? []}
            granted={user.grants}
            errors={errors}
          />
          <AccessForms user={user} />
        </>
      )}
    </div>
  );
}

export const eraseTitle = (locale: 'nl' | 'en') => m(locale).confirmTitle;

export function EraseUserPage(props: { user: UserDetail; errors?: FieldError[]; value?: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const errors = props.errors ?? [];
  const base = `/beheer/gebruikers/${props.user.id}`;
  return (
    <div class="gaz-stack gaz-narrow">
      <Heading1>{t.confirmTitle}</Heading1>
      <ErrorSummary errors={errors} labels={{ confirm_email: t.confirmField }} />
      <Notice kind="warning">{t.confirmText(props.user.email)}</Notice>
      <Form action={`${base}/wissen`}>
        <TextField
          name="confirm_email"
          type="email"
          label={t.confirmField}
          value={props.value}
          errors={errors}
          autocomplete="off"
          required
        />
        <div class="utrecht-button-group">
          <SubmitButton>{t.confirmSubmit}</SubmitButton>
        </div>
      </Form>
      <Paragraph>
        <a class="utrecht-link" href={base}>
          {t.cancel}
        </a>
      </Paragraph>
    </div>
  );
}
