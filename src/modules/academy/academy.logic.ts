// Pure rules of the academy (no I/O): lessons and quizzes from the staff's plain-text format,
// scoring against the pass mark, certificate codes, and the CSV of external completions.
import { randomInt } from 'node:crypto';
import type { Localized } from '../../i18n.ts';

export interface LessonInput {
  title: string;
  body: string;
  imageUrl: string | null;
  imageAlt: string | null;
  videoUrl: string | null;
}

export interface QuestionInput {
  text: string;
  options: string[];
  correct: number;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: Localized };

const HTTPS = /^https:\/\/[^\s<>"]+$/;

/**
 * Lessons: each starts with a line `# Title`; the lines after it are the text (paragraphs split by
 * a blank line); `Video: https://…` embeds a video by link; `Afbeelding: https://… | alt text`.
 */
export function parseLessons(text: string): Parsed<LessonInput[]> {
  const lessons: LessonInput[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const at = { nl: `regel ${i + 1}`, en: `line ${i + 1}` };
    if (line.startsWith('# ')) {
      lessons.push({ title: line.slice(2).trim(), body: '', imageUrl: null, imageAlt: null, videoUrl: null });
      continue;
    }
    if (line === '') {
      if (lessons.length > 0) lessons[lessons.length - 1].body += '\n';
      continue;
    }
    const current = lessons[lessons.length - 1];
    if (!current)
      return { ok: false, message: { nl: `Begin elke les met “# Titel” (${at.nl}).`, en: `Start each lesson with “# Title” (${at.en}).` } };
    const video = /^video:\s*(\S+)$/i.exec(line);
    const image = /^afbeelding:\s*(\S+)\s*\|\s*(.+)$/i.exec(line);
    if (video || image) {
      const url = (video ?? image)![1];
      if (!HTTPS.test(url))
        return {
          ok: false,
          message: { nl: `Een link moet beginnen met https:// (${at.nl}).`, en: `A link must start with https:// (${at.en}).` },
        };
      if (video) current.videoUrl = url;
      else {
        current.imageUrl = url;
        current.imageAlt = image![2].trim();
      }
      continue;
    }
    current.body += `${line}\n`;
  }
  for (const l of lessons) l.body = l.body.trim().replace(/\n{3,}/g, '\n\n');
  return { ok: true, value: lessons };
}

/** Quiz: `? Question`, then options as `- wrong` and exactly one `* right`. */
export function parseQuiz(text: string): Parsed<QuestionInput[]> {
  const questions: QuestionInput[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const at = { nl: `regel ${i + 1}`, en: `line ${i + 1}` };
    if (line.startsWith('? ')) {
      questions.push({ text: line.slice(2).trim(), options: [], correct: -1 });
      continue;
    }
    const q = questions[questions.length - 1];
    if (!q || !/^[-*] /.test(line))
      return {
        ok: false,
        message: {
          nl: `Begin een vraag met “? ” en een antwoord met “- ” of “* ” (${at.nl}).`,
          en: `Start a question with “? ” and an answer with “- ” or “* ” (${at.en}).`,
        },
      };
    if (line.startsWith('* ')) {
      if (q.correct >= 0)
        return {
          ok: false,
          message: { nl: `Een vraag heeft één goed antwoord (${at.nl}).`, en: `A question has one right answer (${at.en}).` },
        };
      q.correct = q.options.length;
    }
    q.options.push(line.slice(2).trim());
  }
  const bad = questions.findIndex((q) => q.correct < 0 || q.options.length < 2);
  if (bad >= 0)
    return {
      ok: false,
      message: {
        nl: `Vraag ${bad + 1} heeft minstens twee antwoorden nodig, waarvan één met “* ” (goed).`,
        en: `Question ${bad + 1} needs at least two answers, one marked “* ”.`,
      },
    };
  return { ok: true, value: questions };
}

/** The percentage of right answers (rounded down) and whether it reaches the pass mark. */
export function scoreQuiz(
  questions: { correct: number }[],
  answers: (number | null)[],
  passMark: number,
): { score: number; passed: boolean; right: number } {
  if (questions.length === 0) return { score: 100, passed: true, right: 0 };
  const right = questions.filter((q, i) => answers[i] === q.correct).length;
  const score = Math.floor((right * 100) / questions.length);
  return { score, passed: score >= passMark, right };
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A certificate's verification code, e.g. `GAZ-7KQ4-M2XP-9TBD` (no 0/O/1/I to misread). */
export function newCertificateCode(): string {
  const group = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `GAZ-${group()}-${group()}-${group()}`;
}

export function isCertificateCode(value: string): boolean {
  return /^GAZ(-[A-HJ-NP-Z2-9]{4}){3}$/.test(value);
}

export interface CompletionRow {
  line: number;
  email: string;
  course: string;
  date: string;
}

/** Splits one CSV line (comma or semicolon; double quotes) into fields. */
export function csvFields(line: string, separator: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

/** The CSV of external completions: a header naming `email`, `course` (or `cursus`) and `date` (or `datum`). */
export function parseCompletionsCsv(text: string): Parsed<CompletionRow[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const separator = header.includes(';') ? ';' : ',';
  const names = csvFields(header, separator).map((h) => h.toLowerCase());
  const col = (...options: string[]) => names.findIndex((n) => options.includes(n));
  const [e, c, d] = [col('email', 'e-mail', 'e-mailadres'), col('course', 'cursus'), col('date', 'datum')];
  if (e < 0 || c < 0 || d < 0)
    return {
      ok: false,
      message: {
        nl: 'De eerste regel moet de kolommen email, cursus en datum noemen.',
        en: 'The first line must name the columns email, course and date.',
      },
    };
  const rows: CompletionRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const f = csvFields(lines[i], separator);
    rows.push({ line: i + 1, email: (f[e] ?? '').toLowerCase(), course: f[c] ?? '', date: f[d] ?? '' });
  }
  if (rows.length > 5000)
    return { ok: false, message: { nl: 'Importeer hoogstens 5000 regels tegelijk.', en: 'Import at most 5000 lines at once.' } };
  return { ok: true, value: rows };
}

/** A course page's address name from its title: `signalen-herkennen`. */
export function slugOf(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
