// Fictional answers for the demo: deterministic per municipality (a seeded generator), more
// developed approaches in larger municipalities, conditions respected. Nobody real is described.
import { choicesOf, visibleQuestionIds } from './answers.logic.ts';
import { SIZE_CLASSES } from './groups.logic.ts';
import { type Answers, type QuestionDef, questionsOf, type SurveyDef } from './types.ts';

/** mulberry32: a small seeded generator (0 ≤ x < 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

const TEXTS = [
  'Er zijn te weinig opvangplekken in de regio; slachtoffers wachten te lang.',
  'De afstemming met de zorgcoördinator kost veel tijd, maar loopt steeds beter.',
  'Wij willen graag een training voor de wijkteams en voor handhaving.',
  'Onduidelijk wie de kosten van de opvang draagt.',
  'Behoefte aan voorbeelden van beleid van vergelijkbare gemeenten.',
];
const ROLES = [
  'Beleidsmedewerker openbare orde en veiligheid',
  'Aandachtsfunctionaris mensenhandel',
  'Adviseur zorg en veiligheid',
  'Teamleider sociaal domein',
];

function answerOf(q: QuestionDef, p: number, rng: () => number): Answers[string] | undefined {
  if (q.allowUnknown && rng() < 0.05) return null;
  const n = choicesOf(q).length;
  const biased = () => Math.min(n - 1, Math.floor(Math.min(0.999, rng() * 0.7 + p * 0.45) * n));
  switch (q.type) {
    case 'yesno':
      return rng() < p ? 'ja' : 'nee';
    case 'single':
      return choicesOf(q)[biased()].value;
    case 'scale':
      return 1 + biased();
    case 'multiple': {
      const chosen = q.options.filter(() => rng() < p * 0.9).map((o) => o.value);
      return chosen.length > 0 ? chosen : [q.options[0].value];
    }
    case 'number':
      return rng() < 0.15 ? undefined : Math.round((1 + p * 24 * rng() + (p > 0.8 ? 20 : 0)) * 2) / 2;
    case 'long_text':
      return rng() < 0.4 ? TEXTS[Math.floor(rng() * TEXTS.length)] : undefined;
    default:
      return rng() < 0.7 ? ROLES[Math.floor(rng() * ROLES.length)] : undefined;
  }
}

/** Answers of a fictional respondent: `sizeClass` decides how developed its approach is; `complete` false leaves it half done. */
export function demoAnswers(def: SurveyDef, code: string, sizeClass: string, complete = true): Answers {
  const rng = seeded(seedOf(`${def.slug}:${code}`));
  const index = Math.max(
    0,
    SIZE_CLASSES.findIndex((c) => c.key === sizeClass),
  );
  const p = Math.min(0.95, 0.35 + index * 0.08 + (def.referenceDate >= '2025-01-01' ? 0.15 : 0));
  const answers: Answers = {};
  const all = questionsOf(def);
  const upTo = complete ? all.length : Math.max(1, Math.floor(all.length / 2));
  for (const q of all.slice(0, upTo)) {
    if (!visibleQuestionIds(def, answers).has(q.id)) continue;
    const v = answerOf(q, p, rng);
    if (v !== undefined) answers[String(q.id)] = v;
  }
  return answers;
}

/** A submission moment between opening and closing: a few early, more after each reminder and at the end. */
export function demoSubmittedAt(code: string, opensOn: string, closesOn: string, reminderDays: readonly number[]): string {
  const rng = seeded(seedOf(`submitted:${code}`));
  const start = Date.parse(`${opensOn}T00:00:00Z`);
  const end = Date.parse(`${closesOn}T00:00:00Z`);
  const day = 86_400_000;
  const peaks = [start + day, ...reminderDays.map((d) => end - d * day), end];
  const base = rng() < 0.35 ? start + rng() * (end - start) : peaks[Math.floor(rng() * peaks.length)] + rng() * day * 1.5;
  const at = Math.min(end + day - 3_600_000, Math.max(start + 3_600_000, base));
  return new Date(Math.round(at / 60_000) * 60_000).toISOString();
}
