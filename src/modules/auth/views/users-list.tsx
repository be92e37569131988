// Beheer › Gebruikers: every account, with a filter on text, role and status.
import type { Role } from '../../../http/permissions.ts';
import { defineMessages, formatDateTime } from '../../../i18n.ts';
import { DataTable, Heading1, Notice, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { UserListItem } from '../users.presenters.ts';
import { roleOptions, um } from './users-common.tsx';

const m = defineMessages({
  search: { nl: 'Zoek op naam of e-mailadres', en: 'Search by name or email address' },
  filter: { nl: 'Filteren', en: 'Filter' },
  caption: { nl: 'Gebruikers', en: 'Users' },
  none: { nl: 'Geen gebruikers gevonden met dit filter.', en: 'No users found with this filter.' },
  count: (n: number) => ({ nl: `${n} gebruiker${n === 1 ? '' : 's'}`, en: `${n} user${n === 1 ? '' : 's'}` }),
  invited: { nl: 'De uitnodiging is verstuurd.', en: 'The invitation has been sent.' },
  erased: { nl: 'De gegevens van de gebruiker zijn gewist.', en: "The user's data has been erased." },
});

export type UsersListNotice = 'uitgenodigd' | 'gewist';

export function UsersListPage(props: {
  users: UserListItem[];
  filter: { q?: string; role?: Role; status?: string };
  notice?: UsersListNotice;
}) {
  const { locale } = usePage();
  const t = m(locale);
  const u = um(locale);
  return (
    <div class="gaz-stack">
      <Heading1>{u.users}</Heading1>
      {props.notice === 'uitgenodigd' ? <Notice kind="ok">{t.invited}</Notice> : null}
      {props.notice === 'gewist' ? <Notice kind="ok">{t.erased}</Notice> : null}
      <Paragraph>
        <a class="utrecht-link" href="/beheer/gebruikers/uitnodigen">
          {u.invite}
        </a>
      </Paragraph>
      <form method="get" action="/beheer/gebruikers" class="utrecht-form">
        <TextField name="q" type="search" label={t.search} value={props.filter.q ?? ''} />
        <SelectField
          name="role"
          label={u.role}
          value={props.filter.role ?? ''}
          options={[{ value: '', label: u.anyRole }, ...roleOptions(locale)]}
        />
        <SelectField
          name="status"
          label={u.status}
          value={props.filter.status ?? ''}
          options={[
            { value: '', label: u.anyStatus },
            { value: 'active', label: u.active },
            { value: 'invited', label: u.invited },
            { value: 'deactivated', label: u.deactivated },
          ]}
        />
        <div class="utrecht-button-group">
          <SubmitButton variant="secondary">{t.filter}</SubmitButton>
        </div>
      </form>
      <Paragraph>{t.count(props.users.length)}</Paragraph>
      {props.users.length === 0 ? (
        <Paragraph>{t.none}</Paragraph>
      ) : (
        <DataTable
          caption={t.caption}
          captionHidden
          rows={props.users}
          columns={[
            {
              header: u.email,
              cell: (r) => (
                <a class="utrecht-link" href={`/beheer/gebruikers/${r.id}`}>
                  {r.email}
                </a>
              ),
            },
            { header: u.name, cell: (r) => r.name ?? '' },
            { header: u.role, cell: (r) => u[r.role] },
            { header: u.status, cell: (r) => u[r.status] },
            { header: u.lastLogin, cell: (r) => (r.lastLoginAt ? formatDateTime(r.lastLoginAt, locale) : u.never) },
          ]}
        />
      )}
    </div>
  );
}
