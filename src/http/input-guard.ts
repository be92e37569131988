// The input layer's checks that hold for every route, before any handler sees the request:
// - no C0 control characters (U+0000–U+001F except tab, line feed and carriage return) in any
//   route parameter, query value or body value or key: PostgreSQL cannot store NUL in text and
//   none of them belongs in a form field; a 400 names the field;
// - no key in a body or query that shadows a method every object has (`toString`, `valueOf`, …):
//   `{ "x": { "toString": null } }` makes String(x) throw in any handler (or formValues) — a 400;
// - id parameters (`:id`, `:somethingId`, `:something_id`) are whole numbers 1…MAX_ID, and no
//   parameter of digits names more than MAX_ID: anything else is a 404, as with `idParam`.
// The app runs `guardInput` in a preHandler after the permission check (src/app.ts), so no route
// — of the modules there are or those still to come — can forget it.
import type { FastifyRequest } from 'fastify';
import type { Localized } from '../i18n.ts';
import { type AppError, errors, type FieldError } from './errors.ts';
import { MAX_ID, parseId } from './route-kit.ts';

/** True for a C0 control other than tab (U+0009), line feed (U+000A) and carriage return (U+000D). */
function isRefusedControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
}

export const CONTROL_CHARACTER_MESSAGE: Localized = {
  nl: 'Dit veld bevat een onzichtbaar stuurteken (zoals een nul-byte). Haal het weg, bijvoorbeeld door de tekst opnieuw te typen.',
  en: 'This field contains an invisible control character (such as a NUL byte). Remove it, for example by typing the text again.',
};

export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isRefusedControl(text.charCodeAt(i))) return true;
  return false;
}

/** A field name fit to show: controls in it replaced by "?". */
function shown(name: string): string {
  let out = '';
  for (const char of name) out += isRefusedControl(char.charCodeAt(0)) ? '?' : char;
  return out || '_';
}

/** The fields (dotted paths) of a value that hold a control character, in a key or a string. */
export function fieldsWithControls(value: unknown, path = '', out: string[] = [], depth = 0): string[] {
  if (out.length >= 10 || depth > 20) return out;
  if (typeof value === 'string') {
    if (hasControlCharacter(value)) out.push(path === '' ? '_' : path);
  } else if (Array.isArray(value)) {
    // Repeated form fields arrive as arrays: name the field, not the position.
    for (const item of value) {
      const before = out.length;
      fieldsWithControls(item, path, out, depth + 1);
      if (out.length > before) break;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      const name = path === '' ? shown(key) : `${path}.${shown(key)}`;
      if (hasControlCharacter(key)) out.push(name);
      else fieldsWithControls(inner, name, out, depth + 1);
    }
  }
  return [...new Set(out)];
}

export const RESERVED_KEY_MESSAGE: Localized = {
  nl: 'Dit veld bestaat niet in dit formulier. Stuur alleen de velden van het formulier.',
  en: 'This field does not exist in this form. Send only the fields of the form.',
};

/** Names of what every object inherits (toString, valueOf, __proto__, constructor, …). */
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The fields (dotted paths) of a value whose key shadows an inherited object member. */
export function fieldsWithReservedKeys(value: unknown, path = '', out: string[] = [], depth = 0): string[] {
  if (out.length >= 10 || depth > 20 || typeof value !== 'object' || value === null) return out;
  for (const [key, inner] of Object.entries(value)) {
    const name = Array.isArray(value) ? path : path === '' ? shown(key) : `${path}.${shown(key)}`;
    if (!Array.isArray(value) && RESERVED_KEYS.has(key)) out.push(name || '_');
    else fieldsWithReservedKeys(inner, name, out, depth + 1);
  }
  return out;
}

const ID_NAME = /^id$|Id$|_id$/;

/** True when a route parameter cannot name a record: an id that is not 1…MAX_ID, or digits past MAX_ID. */
export function isImpossibleParam(name: string, value: unknown): boolean {
  if (ID_NAME.test(name)) return parseId(value) === null;
  return typeof value === 'string' && /^\d+$/.test(value) && (value.length > 10 || Number(value) > MAX_ID);
}

/** The error the request's input earns before any handler runs, or null when it may go on. */
export function guardInput(req: Pick<FastifyRequest, 'params' | 'query' | 'body'>): AppError | null {
  const params = (req.params ?? {}) as Record<string, unknown>;
  const fields: FieldError[] = [];
  for (const field of fieldsWithControls(params)) fields.push({ field, message: CONTROL_CHARACTER_MESSAGE });
  for (const field of fieldsWithControls(req.query ?? {})) fields.push({ field, message: CONTROL_CHARACTER_MESSAGE });
  for (const field of fieldsWithControls(req.body ?? {})) fields.push({ field, message: CONTROL_CHARACTER_MESSAGE });
  for (const field of [...fieldsWithReservedKeys(req.query ?? {}), ...fieldsWithReservedKeys(req.body ?? {})]) {
    fields.push({ field, message: RESERVED_KEY_MESSAGE });
  }
  if (fields.length > 0) return errors.validation(fields);
  for (const [name, value] of Object.entries(params)) if (isImpossibleParam(name, value)) return errors.notFound();
  return null;
}
