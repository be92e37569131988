// The cards on the staff start page (/beheer). Modules add theirs with registerStaffLink() at
// import time (usually from their routes file); the page shows those the user's role may open.
import type { PermissionName } from '../../http/permissions.ts';
import type { Localized } from '../../i18n.ts';

export interface StaffLink {
  href: string;
  label: Localized;
  description?: Localized;
  permission: PermissionName;
}

export const staffLinks: StaffLink[] = [
  {
    href: '/beheer/gebruikers',
    label: { nl: 'Gebruikers', en: 'Users' },
    description: { nl: 'Uitnodigen, rollen wijzigen, accounts deactiveren.', en: 'Invite, change roles, deactivate accounts.' },
    permission: 'admin',
  },
  {
    href: '/beheer/audit',
    label: { nl: 'Logboek', en: 'Audit trail' },
    description: { nl: 'Wie heeft wat wanneer gewijzigd.', en: 'Who changed what, and when.' },
    permission: 'admin',
  },
  {
    // The network module's staff area (it predates this registry).
    href: '/beheer/netwerk',
    label: { nl: 'Netwerk van zorgcoördinatoren', en: 'Care coordinator network' },
    description: {
      nl: 'Zorgcoördinatoren, organisaties, dekking en voorstellen.',
      en: 'Coordinators, organisations, coverage and proposals.',
    },
    permission: 'staff',
  },
  {
    href: '/account/tokens',
    label: { nl: 'API-tokens', en: 'API tokens' },
    description: { nl: 'Persoonlijke tokens voor de API.', en: 'Personal tokens for the API.' },
    permission: 'staff',
  },
];

/** Adds a card (once per href; a later registration of the same href replaces the earlier one). */
export function registerStaffLink(link: StaffLink): void {
  const i = staffLinks.findIndex((l) => l.href === link.href);
  if (i >= 0) staffLinks[i] = link;
  else staffLinks.push(link);
}
