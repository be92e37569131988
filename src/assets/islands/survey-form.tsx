// Survey form enhancement: saves each answer as it is given (field by field) and shows or hides
// questions whose condition depends on an answer on the same page. Without JavaScript the form
// saves a whole part at a time and shows every question with a hint; nothing here is essential.
// Saves go one at a time, each from the version the previous one returned, so a person never
// conflicts with themselves; a colleague's newer answer is shown with a choice, never overwritten.
import { render } from 'preact';

const lang = document.documentElement.lang === 'en' ? 'en' : 'nl';
const text = {
  nl: {
    saving: 'Bezig met opslaan…',
    saved: 'Opgeslagen om',
    failed: 'Niet opgeslagen:',
    offline: 'Niet opgeslagen: geen verbinding. Gebruik de knop Opslaan onderaan.',
    session:
      'uw sessie is verlopen of de link geldt niet meer. Uw eerder opgeslagen antwoorden blijven bewaard; log opnieuw in of open de link uit de e-mail.',
    other: 'de server kon het antwoord nu niet bewaren. Gebruik de knop Opslaan onderaan.',
    conflict: 'Een collega heeft dit antwoord intussen gewijzigd in',
    keep: 'Toch mijn antwoord opslaan',
    take: 'Antwoord van collega overnemen',
  },
  en: {
    saving: 'Saving…',
    saved: 'Saved at',
    failed: 'Not saved:',
    offline: 'Not saved: no connection. Use the Save button below.',
    session:
      'your session has expired or the link is no longer valid. Answers saved earlier are kept; log in again or open the link from the email.',
    other: 'the server could not keep the answer just now. Use the Save button below.',
    conflict: 'A colleague has meanwhile changed this answer to',
    keep: 'Save my answer anyway',
    take: 'Take over the colleague’s answer',
  },
}[lang];
const UNKNOWN = '__weet_niet';

/** What went wrong, in a sentence: the server's own message (JSON `error`, or problem+json `detail`), else by status. */
function failureMessage(status: number, body: { error?: unknown; detail?: unknown }): string {
  if (typeof body.error === 'string') return body.error;
  if (typeof body.detail === 'string') return body.detail;
  return status === 401 || status === 403 ? text.session : text.other;
}

type Status =
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; by: string; theirs: string; retry: () => void };

function StatusLine(props: { status: Status }) {
  const s = props.status;
  if (s.kind === 'saving') return <span>{text.saving}</span>;
  if (s.kind === 'saved') return <span>{`${text.saved} ${s.at}`}</span>;
  if (s.kind === 'error') return <span class="gaz-survey-saved--error">{`${text.failed} ${s.message}`}</span>;
  return (
    <span class="gaz-survey-saved--conflict">
      {`${text.conflict} ‘${s.theirs}’ (${s.by}). `}
      <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={s.retry}>
        {text.keep}
      </button>{' '}
      <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => location.reload()}>
        {text.take}
      </button>
    </span>
  );
}

function answerIn(box: HTMLElement, id: string): unknown {
  const inputs = [...box.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].filter((i) => i.type !== 'hidden');
  if (inputs.some((i) => i.name === `q${id}_weetniet` && (i as HTMLInputElement).checked)) return null;
  const own = inputs.filter((i) => i.name === `q${id}`);
  const type = box.dataset.type;
  if (type === 'multiple') return own.filter((i) => (i as HTMLInputElement).checked).map((i) => i.value);
  if (own.length > 0 && own[0].type === 'radio') {
    const v = own.find((i) => (i as HTMLInputElement).checked)?.value;
    return v === undefined ? '' : v === UNKNOWN ? null : v;
  }
  return own[0]?.value ?? '';
}

function enhance(root: HTMLElement) {
  const form = root.closest('form');
  if (!form) return;
  const url = root.dataset.saveUrl;
  const version = form.querySelector<HTMLInputElement>('input[name="version"]');
  const token = form.querySelector<HTMLInputElement>('input[name="token"]')?.value;
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  const boxes = [...root.querySelectorAll<HTMLElement>('.gaz-survey-question')];
  let queue: Promise<void> = Promise.resolve();

  const show = (id: string, status: Status) => {
    const target = root.querySelector<HTMLElement>(`[data-status-for="${id}"]`);
    if (target) render(<StatusLine status={status} />, target);
  };

  const save = (box: HTMLElement) => {
    if (!url || !version) return;
    const id = box.dataset.question!;
    queue = queue.then(async () => {
      show(id, { kind: 'saving' });
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, accept: 'application/json' },
          body: JSON.stringify({ token, version: Number(version.value), questionId: Number(id), value: answerIn(box, id) }),
        });
        const body = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : {};
        if (!res.ok) return show(id, { kind: 'error', message: failureMessage(res.status, body) });
        version.value = String(body.version);
        const hash = form.querySelector<HTMLInputElement>(`input[name="h${id}"]`);
        if (body.conflict)
          return show(id, { kind: 'conflict', by: body.conflict.by, theirs: body.conflict.theirsText, retry: () => save(box) });
        if (hash) hash.value = body.hash;
        show(id, {
          kind: 'saved',
          at: new Date().toLocaleTimeString(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' }),
        });
      } catch {
        show(id, { kind: 'error', message: text.offline });
      }
    });
  };

  const applyConditions = () => {
    for (const box of boxes) {
      const raw = box.dataset.condition;
      if (!raw) continue;
      const c = JSON.parse(raw) as { q: number; v: string[] };
      const on = boxes.find((b) => b.dataset.question === String(c.q));
      if (!on || on.hidden) {
        if (on) box.hidden = true;
        continue;
      }
      const given = answerIn(on, String(c.q));
      const values = Array.isArray(given) ? given : given === null || given === '' ? [] : [String(given)];
      box.hidden = !values.some((v) => c.v.includes(String(v)));
    }
  };

  for (const box of boxes) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    box.addEventListener('change', () => {
      clearTimeout(timer);
      applyConditions();
      save(box);
    });
    box.addEventListener('input', (e) => {
      const target = e.target as HTMLInputElement;
      if (target.type === 'radio' || target.type === 'checkbox') return;
      clearTimeout(timer);
      timer = setTimeout(() => save(box), 1200);
    });
  }
  for (const hint of root.querySelectorAll<HTMLElement>('.gaz-survey-condition')) hint.hidden = true;
  applyConditions();
}

document.querySelectorAll<HTMLElement>('[data-survey-form]').forEach(enhance);
