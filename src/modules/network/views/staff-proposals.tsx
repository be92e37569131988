// /beheer/netwerk/voorstellen: coverage changes coordinators proposed, with approve/reject for staff
// (never for the proposer).
import { defineMessages, formatDate } from '../../../i18n.ts';
import { Form, Heading1, Paragraph, SubmitButton } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Proposal } from '../presenters.ts';
import { proposalStatusLabel, staffText } from './staff-common.tsx';

export const proposalText = defineMessages({
  title: { nl: 'Voorstellen dekking', en: 'Coverage proposals' },
  heading: { nl: 'Voorstellen tot wijziging van dekking', en: 'Coverage change proposals' },
  none: { nl: 'Er zijn geen voorstellen.', en: 'There are no proposals.' },
  add: { nl: 'toevoegen', en: 'add' },
  end: { nl: 'beëindigen', en: 'end' },
  status: { nl: 'Status', en: 'Status' },
  approve: { nl: 'Goedkeuren', en: 'Approve' },
  reject: { nl: 'Afwijzen', en: 'Reject' },
});

export function ProposalList(props: { proposals: (Proposal & { coordinatorName: string })[]; userId: number }) {
  const { locale } = usePage();
  const t = proposalText(locale);
  const s = staffText(locale);
  return (
    <>
      <Heading1>{t.heading}</Heading1>
      {props.proposals.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
      {props.proposals.map((p) => (
        <section class="gaz-card" key={p.id} aria-labelledby={`proposal-${p.id}`}>
          <h2 class="utrecht-heading-2" id={`proposal-${p.id}`}>
            {p.coordinatorName}: {p.action === 'add' ? t.add : t.end} {p.codes.join(', ')}
          </h2>
          <Paragraph>
            {s.effectiveDate}: {formatDate(p.effectiveDate, locale)}. {t.status}: {proposalStatusLabel(p.status, locale)}.
            {p.note ? ` ${p.note}` : ''}
          </Paragraph>
          {p.status === 'pending' && p.proposedBy !== props.userId ? (
            <Form action={`/beheer/netwerk/voorstellen/${p.id}`}>
              <SubmitButton name="decision" value="approved">
                {t.approve}
              </SubmitButton>{' '}
              <SubmitButton name="decision" value="rejected" variant="secondary">
                {t.reject}
              </SubmitButton>
            </Form>
          ) : null}
        </section>
      ))}
    </>
  );
}
