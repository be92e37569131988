// /beheer/advies: the adviser's start — my open tasks, what is overdue, unassigned tasks, open support
// requests with their age — and the links to the module's pages. Also the task list and the requests.
import { defineMessages, formatDate } from '../../../i18n.ts';
import { DataTable, Heading1, Notice, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Task, TaskOverview } from '../tasks.service.ts';
import { common } from './labels.ts';
import { TaskTable } from './parts.tsx';

const m = defineMessages({
  intro: {
    nl: 'Contactpersonen, interacties en taken per gemeente, de beleidsmonitor en het programmadashboard.',
    en: 'Contacts, interactions and tasks per municipality, the policy monitor and the programme dashboard.',
  },
  mine: { nl: 'Mijn open taken', en: 'My open tasks' },
  overdue: { nl: 'Te laat (alle adviseurs)', en: 'Overdue (all advisers)' },
  unassigned: { nl: 'Taken zonder eigenaar', en: 'Tasks without an owner' },
  requests: { nl: 'Open ondersteuningsvragen', en: 'Open support requests' },
  pages: { nl: 'Onderdelen', en: 'Sections' },
  newInteraction: { nl: 'Nieuwe interactie vastleggen', en: 'Record a new interaction' },
  allTasks: { nl: 'Alle open taken', en: 'All open tasks' },
  done: { nl: 'De taak is afgerond.', en: 'The task is done.' },
  requestsIntro: {
    nl: 'Vragen die via het formulier op /ondersteuning binnenkwamen en waarvan de taak nog open staat, de oudste eerst.',
    en: 'Questions that came in through the form on /ondersteuning whose task is still open, oldest first.',
  },
  age: { nl: 'Leeftijd', en: 'Age' },
  received: { nl: 'Ontvangen', en: 'Received' },
  question: { nl: 'Vraag', en: 'Question' },
  noRequests: { nl: 'Er staan geen ondersteuningsvragen open.', en: 'No support requests are open.' },
});

export const homeTitle = (locale: 'nl' | 'en') => common(locale).advice;
export const requestsTitle = (locale: 'nl' | 'en') => m(locale).requests;
export const tasksTitle = (locale: 'nl' | 'en') => m(locale).allTasks;

const LINKS: {
  href: string;
  key: 'interactions' | 'contacts' | 'tasks' | 'requests' | 'dashboard' | 'profile' | 'settings';
  admin?: boolean;
}[] = [
  { href: '/beheer/advies/interacties', key: 'interactions' },
  { href: '/beheer/advies/contacten', key: 'contacts' },
  { href: '/beheer/advies/taken', key: 'tasks' },
  { href: '/beheer/advies/aanvragen', key: 'requests' },
  { href: '/beheer/advies/dashboard', key: 'dashboard' },
  { href: '/beheer/advies/profiel', key: 'profile' },
  { href: '/beheer/advies/instellingen', key: 'settings', admin: true },
];

export function AdviceHome(p: { overview: TaskOverview; isAdmin: boolean; notice?: string }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  return (
    <>
      <Heading1>{c.advice}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      {p.notice ? (
        <Notice kind="ok">
          <Paragraph>{p.notice}</Paragraph>
        </Notice>
      ) : null}
      <h2 class="utrecht-heading-2">{t.pages}</h2>
      <ul class="utrecht-link-list utrecht-link-list--html-ul">
        <li class="utrecht-link-list__item">
          <a class="utrecht-link-list__link utrecht-link" href="/beheer/advies/interacties/nieuw">
            {t.newInteraction}
          </a>
        </li>
        {LINKS.filter((l) => !l.admin || p.isAdmin).map((l) => (
          <li class="utrecht-link-list__item" key={l.href}>
            <a class="utrecht-link-list__link utrecht-link" href={l.href}>
              {c[l.key]}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{t.mine}</h2>
      <TaskTable caption={t.mine} tasks={p.overview.mine} complete back="/beheer/advies" />
      <h2 class="utrecht-heading-2">{t.overdue}</h2>
      <TaskTable caption={t.overdue} tasks={p.overview.overdue} complete back="/beheer/advies" />
      <h2 class="utrecht-heading-2">{t.unassigned}</h2>
      <TaskTable caption={t.unassigned} tasks={p.overview.unassigned} complete back="/beheer/advies" />
      <h2 class="utrecht-heading-2">{t.requests}</h2>
      <RequestTable tasks={p.overview.supportRequests} />
    </>
  );
}

export function TasksPage(p: { tasks: Task[] }) {
  const { locale } = usePage();
  const t = m(locale);
  return (
    <>
      <Heading1>{t.allTasks}</Heading1>
      <TaskTable caption={t.allTasks} tasks={p.tasks} complete back="/beheer/advies/taken" />
    </>
  );
}

function RequestTable(p: { tasks: Task[] }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  if (p.tasks.length === 0) return <Paragraph>{t.noRequests}</Paragraph>;
  return (
    <DataTable
      caption={t.requests}
      captionHidden
      rows={p.tasks}
      columns={[
        { header: t.received, cell: (task) => formatDate(task.interaction.date, locale) },
        { header: t.age, cell: (task) => c.ageDays(task.ageDays), numeric: true },
        {
          header: t.question,
          cell: (task) => (
            <a class="utrecht-link" href={`/beheer/advies/interacties/${task.interaction.id}`}>
              {task.interaction.subject}
            </a>
          ),
        },
        { header: c.owner, cell: (task) => task.owner?.name ?? c.nobody },
        {
          header: c.due,
          cell: (task) => (
            <>
              {formatDate(task.dueDate, locale)}
              {task.overdue ? <strong class="gaz-advice-flag"> ({c.overdue})</strong> : null}
            </>
          ),
        },
      ]}
    />
  );
}

export function RequestsPage(p: { tasks: Task[] }) {
  const { locale } = usePage();
  const t = m(locale);
  return (
    <>
      <Heading1>{t.requests}</Heading1>
      <Paragraph>{t.requestsIntro}</Paragraph>
      <RequestTable tasks={p.tasks} />
    </>
  );
}

export const taskDoneNotice = (locale: 'nl' | 'en') => m(locale).done;
