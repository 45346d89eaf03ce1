/** One word, number or mark of a sentence, with where it starts (0-based, in characters). */
export type Token =
  | { kind: 'word'; text: string; word: string; start: number }
  | { kind: 'number'; text: string; value: number; start: number }
  | { kind: 'mark'; text: ',' | '.' | '!' | '?' | '&'; start: number }
  | { kind: 'unknown'; text: string; start: number };

// Thousands separators only in groups of three (17,800), so "5000,and" stays a number and a comma.
const NUMBER = /^(-)?\$?(-)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![A-Za-z0-9])/;
// Letters, digits and the joiners of "P&L", "zero-gamma" and "position's".
const WORD = /^[A-Za-z][A-Za-z0-9&'’-]*/;
const MARKS = new Set([',', '.', '!', '?', '&']);

/**
 * Splits a sentence into tokens. Never throws: a character no token starts with becomes an
 * `unknown` token (up to the next space), which the parser then names in its refusal.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      const digits = `${number[3] ?? ''}${number[4] ?? ''}`.replaceAll(',', '');
      const negative = number[1] !== undefined || number[2] !== undefined;
      tokens.push({ kind: 'number', text: number[0], value: (negative ? -1 : 1) * Number(digits), start: at });
      at += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], word: word[0].toLowerCase().replaceAll('’', "'"), start: at });
      at += word[0].length;
      continue;
    }
    const mark = rest[0] ?? '';
    if (MARKS.has(mark)) {
      tokens.push({ kind: 'mark', text: mark as ',' | '.' | '!' | '?' | '&', start: at });
      at += 1;
      continue;
    }
    const unknown = /^\S+/.exec(rest)?.[0] ?? mark;
    tokens.push({ kind: 'unknown', text: unknown, start: at });
    at += unknown.length;
  }
  return tokens;
}
