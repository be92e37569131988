// The staff view of one municipality (/beheer/advies/gemeente/{code}): contacts, recent interactions
// (with other modules' feed items), open tasks and the policy scorecard with its history and forms.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages } from '../../../i18n.ts';
import { DataTable, Heading1, Notice, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Contact } from '../contacts.service.ts';
import type { SourcedFeedInteraction } from '../feed.ts';
import type { Values } from '../form-kit.ts';
import type { InteractionPage } from '../interactions.service.ts';
import type { Scorecard } from '../scorecard.ts';
import type { Task } from '../tasks.service.ts';
import { FeedTable } from './interaction-pages.tsx';
import { common, ROLE_LABELS } from './labels.ts';
import { InteractionTable, TaskTable } from './parts.tsx';
import { ScorecardDateForm, ScorecardTable, StatusForm, scorecardHeading } from './scorecard.tsx';

const m = defineMessages({
  contacts: { nl: 'Contactpersonen', en: 'Contacts' },
  noContacts: { nl: 'Nog geen contactpersonen.', en: 'No contacts yet.' },
  addContact: { nl: 'Contactpersoon toevoegen', en: 'Add a contact' },
  recent: { nl: 'Recente interacties', en: 'Recent interactions' },
  all: (n: number) => ({ nl: `Alle ${n} interacties`, en: `All ${n} interactions` }),
  addInteraction: { nl: 'Interactie vastleggen', en: 'Record an interaction' },
  feed: { nl: 'Uit andere onderdelen, afgelopen jaar (alleen-lezen)', en: 'From other parts, past year (read-only)' },
  tasks: { nl: 'Open taken', en: 'Open tasks' },
  policy: { nl: 'Beleidsmonitor', en: 'Policy monitor' },
  saved: { nl: 'De status is opgeslagen.', en: 'The status was saved.' },
  reviewed: { nl: 'De zelfmelding is beoordeeld.', en: 'The self-report was reviewed.' },
  self: { nl: 'Wat de gemeente zelf ziet', en: 'What the municipality itself sees' },
  former: (name: string) => ({ nl: `${name} bestond niet op deze datum.`, en: `${name} did not exist on this date.` }),
});

export interface MunicipalityPageProps {
  code: string;
  name: string;
  date: string;
  contacts: Contact[];
  interactions: InteractionPage;
  feed: SourcedFeedInteraction[];
  tasks: Task[];
  card: Scorecard | null;
  values: Values;
  errors: FieldError[];
  notice: 'saved' | 'reviewed' | null;
}

function ContactsSection(p: MunicipalityPageProps) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  return (
    <>
      <h2 class="utrecht-heading-2">{t.contacts}</h2>
      {p.contacts.length === 0 ? (
        <Paragraph>{t.noContacts}</Paragraph>
      ) : (
        <DataTable
          caption={t.contacts}
          captionHidden
          rows={p.contacts}
          columns={[
            {
              header: c.name,
              cell: (x) => (
                <a class="utrecht-link" href={`/beheer/advies/contacten/${x.id}`}>
                  {x.name ?? c.erased}
                </a>
              ),
            },
            { header: c.role, cell: (x) => ROLE_LABELS[x.role][locale] },
            { header: c.email, cell: (x) => x.email ?? '' },
            { header: c.phone, cell: (x) => x.phone ?? '' },
          ]}
        />
      )}
      <Paragraph>
        <a class="utrecht-link" href={`/beheer/advies/contacten/nieuw?gebied=${p.code}`}>
          {t.addContact}
        </a>
      </Paragraph>
    </>
  );
}

function ActivitySection(p: MunicipalityPageProps) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  return (
    <>
      <h2 class="utrecht-heading-2">{t.recent}</h2>
      {p.interactions.items.length > 0 ? (
        <InteractionTable caption={t.recent} items={p.interactions.items.slice(0, 10)} />
      ) : (
        <Paragraph>{c.none}</Paragraph>
      )}
      <Paragraph>
        <a class="utrecht-link" href={`/beheer/advies/interacties?gemeente=${p.code}`}>
          {t.all(p.interactions.total)}
        </a>
        {' · '}
        <a class="utrecht-link" href={`/beheer/advies/interacties/nieuw?gemeente=${p.code}`}>
          {t.addInteraction}
        </a>
      </Paragraph>
      <FeedTable items={p.feed} failed={[]} caption={t.feed} />
      <h2 class="utrecht-heading-2">{t.tasks}</h2>
      <TaskTable caption={t.tasks} tasks={p.tasks} complete back={`/beheer/advies/gemeente/${p.code}`} />
    </>
  );
}

function PolicySection(p: MunicipalityPageProps) {
  const { locale } = usePage();
  const t = m(locale);
  const back = `/beheer/advies/gemeente/${p.code}`;
  return (
    <>
      <h2 class="utrecht-heading-2" id="beleid">
        {t.policy}
      </h2>
      <ScorecardDateForm action={back} date={p.date} errors={p.errors} />
      {p.card ? (
        <>
          <h3 class="utrecht-heading-3">{scorecardHeading(locale, p.date)}</h3>
          <ScorecardTable card={p.card} review />
          <StatusForm action={`${back}/beleid`} values={p.values} errors={p.errors.filter((e) => e.field !== 'datum')} self={false} />
        </>
      ) : (
        <Paragraph>{t.former(p.name)}</Paragraph>
      )}
      <Paragraph>
        <a class="utrecht-link" href={`/gemeente/${p.code}/beleid`}>
          {t.self}
        </a>
      </Paragraph>
    </>
  );
}

export function MunicipalityPage(p: MunicipalityPageProps) {
  const { locale } = usePage();
  const t = m(locale);
  return (
    <>
      <Heading1>{p.name}</Heading1>
      {p.notice ? (
        <Notice kind="ok">
          <Paragraph>{t[p.notice]}</Paragraph>
        </Notice>
      ) : null}
      <ContactsSection {...p} />
      <ActivitySection {...p} />
      <PolicySection {...p} />
    </>
  );
}
