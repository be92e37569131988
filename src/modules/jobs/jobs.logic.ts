// Pure rules of the jobs module (no I/O): retry backoff, recurring periods, what is kept of an error.

export const DEFAULT_MAX_ATTEMPTS = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 3600_000;
const MAX_ERROR_LENGTH = 500;

/** Delay before the next attempt after `attempts` failed ones: 30 s, 1 min, 2, 4, … capped at 1 h. */
export function backoffMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(n - 1, 30));
}

/** After a failed attempt: give up (failed) or queue again at a later moment. */
export function afterFailure(attempts: number, maxAttempts: number, now: Date): { status: 'failed' } | { status: 'queued'; runAt: Date } {
  if (attempts >= maxAttempts) return { status: 'failed' };
  return { status: 'queued', runAt: new Date(now.getTime() + backoffMs(attempts)) };
}

/** Start of the period of `minutes` that `at` lies in, aligned to multiples since 1970-01-01 UTC. */
export function periodStart(at: Date, minutes: number): Date {
  const size = Math.max(1, Math.floor(minutes)) * 60_000;
  return new Date(Math.floor(at.getTime() / size) * size);
}

/** The key that makes a recurring job unique for its period. */
export function scheduleKey(kind: string, start: Date): string {
  return `${kind}@${start.toISOString()}`;
}

/**
 * What is stored of a thrown value: its message only, on one line, shortened. Stacks can hold
 * payloads and personal data; they are never stored or shown.
 */
export function errorMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message || err.name : typeof err === 'string' ? err : 'Unknown error';
  const line = raw.replace(/\s+/g, ' ').trim() || 'Unknown error';
  return line.length > MAX_ERROR_LENGTH ? `${line.slice(0, MAX_ERROR_LENGTH - 1)}…` : line;
}

/** `module.action`: lower-case module name, a dot, then the action. */
export const KIND_PATTERN = /^[a-z][a-z0-9-]*\.[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const MAX_PAYLOAD_CHARS = 65_536;
export const MAX_KEY_CHARS = 200;

/** Checks what a module passes to enqueueJob; a mistake there is a programming error. */
export function checkJobInput(input: { kind: string; runAt?: Date; key?: string; maxAttempts?: number }, payloadJson: string): void {
  if (!KIND_PATTERN.test(input.kind)) throw new TypeError(`Job kind "${input.kind}" must look like module.action.`);
  if (input.runAt !== undefined && Number.isNaN(input.runAt.getTime())) throw new TypeError('Job runAt is not a valid date.');
  if (input.key !== undefined && (input.key.length === 0 || input.key.length > MAX_KEY_CHARS))
    throw new TypeError(`Job key must have 1 to ${MAX_KEY_CHARS} characters.`);
  if (input.maxAttempts !== undefined && !(Number.isInteger(input.maxAttempts) && input.maxAttempts >= 1 && input.maxAttempts <= 100))
    throw new TypeError('Job maxAttempts must be a whole number from 1 to 100.');
  if (payloadJson.length > MAX_PAYLOAD_CHARS) throw new TypeError(`Job payload is larger than ${MAX_PAYLOAD_CHARS} characters.`);
}

/** What is wrong with a handler a module declares (empty: nothing); the runner refuses to start with one. */
export function handlerProblems(h: { kind: string; maxAttempts?: number; every?: { minutes: number } }): string[] {
  const problems: string[] = [];
  if (!KIND_PATTERN.test(h.kind)) problems.push(`kind "${h.kind}" must look like module.action`);
  if (h.maxAttempts !== undefined && !(Number.isInteger(h.maxAttempts) && h.maxAttempts >= 1 && h.maxAttempts <= 100))
    problems.push('maxAttempts must be a whole number from 1 to 100');
  if (h.every !== undefined && !(Number.isInteger(h.every.minutes) && h.every.minutes >= 1))
    problems.push('every.minutes must be a whole number of at least 1');
  return problems;
}

/** Whole percent of a batch, or null without a total. */
export function percentOf(done: number | null, total: number | null): number | null {
  if (done === null || total === null || total <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}
