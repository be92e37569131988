// Shared words of the account administration pages: titles, role and status labels, crumbs.
import type { Role } from '../../../http/permissions.ts';
import { defineMessages, type Locale } from '../../../i18n.ts';

export const um = defineMessages({
  staff: { nl: 'Beheer', en: 'Staff' },
  users: { nl: 'Gebruikers', en: 'Users' },
  invite: { nl: 'Gebruiker uitnodigen', en: 'Invite a user' },
  email: { nl: 'E-mailadres', en: 'Email address' },
  name: { nl: 'Naam', en: 'Name' },
  role: { nl: 'Rol', en: 'Role' },
  status: { nl: 'Status', en: 'Status' },
  lastLogin: { nl: 'Laatst ingelogd', en: 'Last login' },
  never: { nl: 'Nooit', en: 'Never' },
  municipalityCode: { nl: 'CBS-code van de gemeente', en: "Municipality's CBS code" },
  municipalityCodeHelp: {
    nl: 'Alleen voor de rol Gemeente, bijvoorbeeld GM0363 voor Amsterdam.',
    en: 'Only for the role Municipality, for example GM0363 for Amsterdam.',
  },
  coordinatorId: { nl: 'Nummer van de zorgcoördinator', en: 'Care coordinator number' },
  coordinatorIdHelp: {
    nl: 'Verplicht voor de rol Zorgcoördinator: het nummer van de zorgcoördinator in het netwerk (te vinden bij Beheer › Netwerk van zorgcoördinatoren). Eén account per zorgcoördinator.',
    en: 'Required for the role Care coordinator: the coordinator number in the network (see Staff › Care coordinator network). One account per coordinator.',
  },
  admin: { nl: 'Beheerder', en: 'Administrator' },
  adviser: { nl: 'Adviseur', en: 'Adviser' },
  coordinator: { nl: 'Zorgcoördinator', en: 'Care coordinator' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  learner: { nl: 'Deelnemer academy', en: 'Academy learner' },
  invited: { nl: 'Uitgenodigd', en: 'Invited' },
  active: { nl: 'Actief', en: 'Active' },
  deactivated: { nl: 'Gedeactiveerd', en: 'Deactivated' },
  anyRole: { nl: 'Alle rollen', en: 'All roles' },
  anyStatus: { nl: 'Alle statussen', en: 'All statuses' },
});

export const ROLE_ORDER: Role[] = ['admin', 'adviser', 'coordinator', 'municipality'];

export function roleOptions(locale: Locale) {
  const t = um(locale);
  return ROLE_ORDER.map((r) => ({ value: r, label: t[r] }));
}

export function usersCrumbs(locale: Locale, ...rest: { href?: string; label: string }[]) {
  const t = um(locale);
  const base = [{ href: '/beheer', label: t.staff }];
  return rest.length === 0 ? [...base, { label: t.users }] : [...base, { href: '/beheer/gebruikers', label: t.users }, ...rest];
}
