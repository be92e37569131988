#!/usr/bin/env node
// Size limits of the code (CONVENTIONS.md): no source file in src/ over 300 lines and no function
// over 80 lines. Migrations (src/modules/*/migrations/) are exempt. Exit code 1 lists every breach.
//
// How it works, without a TypeScript parser:
// 1. Each file is read line by line. A small lexer blanks out what is not code: line and block
//    comments, '…' and "…" strings (they end at the end of a line), template literals (across
//    lines, with ${…} inside them read as code again) and regular-expression literals (a `/` where
//    an expression may start). Apostrophes in JSX text can blank the rest of that one line only.
// 2. A line starts a function when its code has the keyword `function`, an arrow `=>`, or is a
//    method definition (`name(…) {`, `async name(…) {`, `get name() {`), or ends with `(` and its
//    parameter list closes on a later line at the same indentation with `) {` / `): Type {` (a
//    method) or `) =>` (an arrow).
// 3. The function ends where the indentation comes back: at the first later non-blank line
//    indented no deeper than the start line (included when it is the closing `}`, `)` or `]`).
//    A `) {`, `): Type {` or `) =>` line at the start's indentation ends a parameter list written
//    over several lines, so the body after it still belongs to the function.
//    This relies on the code being formatted by Biome, which `npm run lint` checks first
//    (`biome ci`). An arrow in a type (`(a: A) => B`) counts as a function too; such lines are short.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const MAX_FILE_LINES = 300;
export const MAX_FUNCTION_LINES = 80;

const root = new URL('..', import.meta.url).pathname;

function sourceFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (name === 'migrations' && /\/src\/modules\/[^/]+$/.test(dir)) continue;
      sourceFiles(full, out);
    } else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) {
      out.push(full);
    }
  }
  return out;
}

const REGEX_BEFORE = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const REGEX_AFTER_WORDS = /\b(return|typeof|case|in|of|void|delete|yield|await)\s*$/;

/** Returns the lines with comments, strings and regular expressions blanked out. */
export function codeLines(text) {
  const lines = text.split('\n');
  const out = [];
  // Lexer state that survives a line break: a block comment, or a template literal with the
  // depth of code braces inside each open `${`.
  let inBlockComment = false;
  const templates = []; // stack: brace depth inside the innermost ${…} (-1: in the template's text)
  for (const line of lines) {
    let code = '';
    let i = 0;
    while (i < line.length) {
      const c = line[i];
      const next = line[i + 1];
      if (inBlockComment) {
        if (c === '*' && next === '/') {
          inBlockComment = false;
          i += 2;
        } else i += 1;
        continue;
      }
      const top = templates.length > 0 ? templates[templates.length - 1] : null;
      if (top === -1) {
        // Inside a template literal's text.
        if (c === '\\') i += 2;
        else if (c === '`') {
          templates.pop();
          code += '``';
          i += 1;
        } else if (c === '$' && next === '{') {
          templates[templates.length - 1] = 0;
          i += 2;
        } else i += 1;
        continue;
      }
      if (c === '/' && next === '/') break;
      if (c === '/' && next === '*') {
        inBlockComment = true;
        i += 2;
        continue;
      }
      if (c === "'" || c === '"') {
        let j = i + 1;
        while (j < line.length && line[j] !== c) j += line[j] === '\\' ? 2 : 1;
        code += c + c;
        i = j + 1;
        continue;
      }
      if (c === '`') {
        templates.push(-1);
        i += 1;
        continue;
      }
      if (top !== null && top >= 0) {
        if (c === '{') templates[templates.length - 1] += 1;
        else if (c === '}') {
          if (top === 0) {
            templates[templates.length - 1] = -1;
            i += 1;
            continue;
          }
          templates[templates.length - 1] -= 1;
        }
      }
      if (c === '/') {
        const before = code.trimEnd();
        const last = before[before.length - 1];
        if (before === '' || REGEX_BEFORE.has(last) || REGEX_AFTER_WORDS.test(before)) {
          let j = i + 1;
          let inClass = false;
          while (j < line.length) {
            const d = line[j];
            if (d === '\\') {
              j += 2;
              continue;
            }
            if (d === '/' && !inClass) break;
            if (d === '[') inClass = true;
            else if (d === ']') inClass = false;
            j += 1;
          }
          if (j < line.length) {
            code += '/re/';
            i = j + 1;
            continue;
          }
        }
      }
      code += c;
      i += 1;
    }
    out.push(code);
  }
  return out;
}

const CONTROL = /^\s*(?:if|for|while|switch|catch|with|return|else|do|try|finally)\b/;
const MODIFIERS = '(?:(?:public|private|protected|static|async|get|set|readonly|override)\\s+)*';
const METHOD_ONE_LINE = new RegExp(`^\\s*${MODIFIERS}[A-Za-z_$#][\\w$]*\\s*(?:<[^>]*>)?\\s*\\(.*\\)\\s*(?::[^=]*)?\\{\\s*$`);
const METHOD_OPEN = new RegExp(`^\\s*${MODIFIERS}[A-Za-z_$#][\\w$]*\\s*(?:<[^>]*>)?\\s*\\($`);
const SIGNATURE_CLOSE = /^\s*\)(?:\s*:[^=]*)?\s*\{\s*$/;
/** The end of a parameter list written over several lines, with the body still to come. */
const PARAMETERS_END = /^\s*\)(?:\s*:.*)?\s*(?:=>\s*)?[{(]?\s*$|^\s*\)(?:\s*:.*)?\s*=>.*$/;

const indentOf = (line) => line.length - line.trimStart().length;

function startsFunction(code, index, all) {
  if (/\bfunction\b/.test(code) || code.includes('=>')) return true;
  if (CONTROL.test(code)) return false;
  if (METHOD_ONE_LINE.test(code)) return true;
  // A parameter list over several lines: `name(` (a method) or `= (` / `async (` (an arrow).
  if (/\($/.test(code.trimEnd())) {
    const indent = indentOf(code);
    const method = METHOD_OPEN.test(code);
    for (let j = index + 1; j < all.length; j++) {
      const line = all[j];
      if (line.trim() === '') continue;
      if (indentOf(line) < indent) return false;
      if (indentOf(line) === indent) return (method && SIGNATURE_CLOSE.test(line)) || /^\s*\)(?:\s*:.*)?\s*=>/.test(line);
    }
  }
  return false;
}

/** Functions longer than the limit in one file: [{ line, length }]. */
export function longFunctions(text, limit = MAX_FUNCTION_LINES) {
  const code = codeLines(text);
  const found = [];
  for (let i = 0; i < code.length; i++) {
    if (code[i].trim() === '' || !startsFunction(code[i], i, code)) continue;
    const indent = indentOf(code[i]);
    let end = i;
    for (let j = i + 1; j < code.length; j++) {
      const line = code[j];
      if (line.trim() === '') continue;
      if (indentOf(line) <= indent) {
        if (indentOf(line) === indent && PARAMETERS_END.test(line) && !/[;,]\s*$/.test(line)) {
          end = j;
          continue;
        }
        if (/^\s*[}\])]/.test(line)) end = j;
        break;
      }
      end = j;
    }
    const length = end - i + 1;
    if (length > limit) found.push({ line: i + 1, length });
  }
  return found;
}

function main() {
  const files = sourceFiles(join(root, 'src')).sort();
  const problems = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = relative(root, file);
    const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
    if (lines > MAX_FILE_LINES) problems.push(`${name}: ${lines} lines (at most ${MAX_FILE_LINES}); split the file`);
    for (const f of longFunctions(text)) {
      problems.push(`${name}:${f.line}: a function of ${f.length} lines (at most ${MAX_FUNCTION_LINES}); split it`);
    }
  }
  for (const p of problems) console.error(p);
  console.log(`check-size: ${files.length} files in src/, ${problems.length} over the limits`);
  process.exit(problems.length > 0 ? 1 : 0);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) main();
