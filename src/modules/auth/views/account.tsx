// "Mijn account": who you are logged in as, and the security settings of the account.
import type { Role } from '../../../http/permissions.ts';
import { defineMessages, formatDateTime, type Locale } from '../../../i18n.ts';
import { Heading1, Notice, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';

const m = defineMessages({
  title: { nl: 'Mijn account', en: 'My account' },
  home: { nl: 'Home', en: 'Home' },
  details: { nl: 'Gegevens', en: 'Details' },
  name: { nl: 'Naam', en: 'Name' },
  email: { nl: 'E-mailadres', en: 'Email address' },
  role: { nl: 'Rol', en: 'Role' },
  lastLogin: { nl: 'Vorige keer ingelogd', en: 'Previous login' },
  unknown: { nl: 'Onbekend', en: 'Unknown' },
  security: { nl: 'Beveiliging', en: 'Security' },
  password: { nl: 'Wachtwoord', en: 'Password' },
  passwordChanged: (when: string) => ({ nl: `Laatst gewijzigd op ${when}.`, en: `Last changed on ${when}.` }),
  changePassword: { nl: 'Wachtwoord wijzigen', en: 'Change password' },
  totp: { nl: 'Tweestapsverificatie', en: 'Two-step verification' },
  totpOn: (left: number) => ({
    nl: `Staat aan. U heeft nog ${left} ongebruikte herstelcode${left === 1 ? '' : 's'}.`,
    en: `On. You have ${left} unused recovery code${left === 1 ? '' : 's'} left.`,
  }),
  totpOff: { nl: 'Staat uit.', en: 'Off.' },
  totpRequired: {
    nl: 'Voor uw rol is tweestapsverificatie verplicht. Zet het aan voordat u verder werkt.',
    en: 'Two-step verification is required for your role. Turn it on before you continue.',
  },
  totpManage: { nl: 'Tweestapsverificatie beheren', en: 'Manage two-step verification' },
  totpSetUp: { nl: 'Tweestapsverificatie instellen', en: 'Set up two-step verification' },
  passwordNotice: {
    nl: 'Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.',
    en: 'Your password has been changed. You have been logged out on other devices.',
  },
  totpNotice: { nl: 'Tweestapsverificatie staat aan.', en: 'Two-step verification is on.' },
  admin: { nl: 'Beheerder', en: 'Administrator' },
  adviser: { nl: 'Adviseur', en: 'Adviser' },
  coordinator: { nl: 'Zorgcoördinator', en: 'Care coordinator' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  learner: { nl: 'Deelnemer academy', en: 'Academy learner' },
});

export const accountTitle = (locale: Locale) => m(locale).title;

export function roleLabel(role: Role, locale: Locale): string {
  return m(locale)[role];
}

/** The crumbs of every page under /account, ending with `last` when given. */
export function accountCrumbs(locale: Locale, last?: string) {
  const t = m(locale);
  return last
    ? [{ href: '/', label: t.home }, { href: '/account', label: t.title }, { label: last }]
    : [{ href: '/', label: t.home }, { label: t.title }];
}

export type AccountNotice = 'wachtwoord-gewijzigd' | 'tweestapsverificatie-aan';

export interface AccountView {
  email: string;
  name: string | null;
  role: Role;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  totpEnabled: boolean;
  totpRequired: boolean;
  recoveryCodesLeft: number;
}

export function AccountPage(props: { account: AccountView; notice?: AccountNotice }) {
  const { locale } = usePage();
  const t = m(locale);
  const a = props.account;
  return (
    <div class="gaz-stack">
      <Heading1>{t.title}</Heading1>
      {props.notice === 'wachtwoord-gewijzigd' ? <Notice kind="ok">{t.passwordNotice}</Notice> : null}
      {props.notice === 'tweestapsverificatie-aan' ? <Notice kind="ok">{t.totpNotice}</Notice> : null}
      {a.totpRequired && !a.totpEnabled ? <Notice kind="warning">{t.totpRequired}</Notice> : null}
      <h2 class="utrecht-heading-2">{t.details}</h2>
      <dl class="utrecht-data-list">
        {a.name ? (
          <div class="utrecht-data-list__item">
            <dt class="utrecht-data-list__item-key">{t.name}</dt>
            <dd class="utrecht-data-list__item-value">{a.name}</dd>
          </div>
        ) : null}
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{t.email}</dt>
          <dd class="utrecht-data-list__item-value">{a.email}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{t.role}</dt>
          <dd class="utrecht-data-list__item-value">{t[a.role]}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{t.lastLogin}</dt>
          <dd class="utrecht-data-list__item-value">{a.lastLoginAt ? formatDateTime(a.lastLoginAt, locale) : t.unknown}</dd>
        </div>
      </dl>
      <h2 class="utrecht-heading-2">{t.security}</h2>
      <h3 class="utrecht-heading-3">{t.password}</h3>
      {a.passwordChangedAt ? <Paragraph>{t.passwordChanged(formatDateTime(a.passwordChangedAt, locale))}</Paragraph> : null}
      <Paragraph>
        <a class="utrecht-link" href="/account/wachtwoord">
          {t.changePassword}
        </a>
      </Paragraph>
      <h3 class="utrecht-heading-3">{t.totp}</h3>
      <Paragraph>{a.totpEnabled ? t.totpOn(a.recoveryCodesLeft) : t.totpOff}</Paragraph>
      <Paragraph>
        <a class="utrecht-link" href="/account/tweestapsverificatie">
          {a.totpEnabled ? t.totpManage : t.totpSetUp}
        </a>
      </Paragraph>
    </div>
  );
}
