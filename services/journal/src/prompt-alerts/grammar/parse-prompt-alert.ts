import {
  PROMPT_ALERT_WARNING_PERCENT,
  promptAlertSymbols,
  type PromptAlertCondition,
  type PromptAlertLevel,
  type PromptAlertRule,
  type PromptAlertSymbol,
  type PromptAlertTarget,
} from '@marketswarm/shared/dto';
import { tokenize, type Token } from './tokenize.js';

/**
 * The deterministic grammar of prompt alerts: a hand-written tokenizer and this recursive descent
 * parser, no language model. What it reads (words are case-insensitive; `[…]` optional, `|` or):
 *
 *   sentence   = [preamble] condition { join condition } [ "." | "!" ]
 *   preamble   = [ ("alert" | "notify" | "tell" | "ping" | "warn") "me" | "let" "me" "know" ] [ "if" | "when" | "whenever" | "once" | "as" "soon" "as" ]
 *   join       = "and" | "with" | "while" | "," ["and"] | "&"
 *   condition  = symbol price-rule | "my" { "position" | "positions" | "trade" | "trades" | "open" | "total" } ("p&l" | "pnl" | "profit") pnl-rule
 *   price-rule = ("closes" | "settles") direction price-target                       → metric close
 *              | ("crosses" | "breaks") [direction] price-target                       → crosses, or above/below
 *              | ("trades" | "is" | "goes" | "moves" | "gets" | "stays") (direction | "at") price-target
 *              | ("drops" | "falls" | "dips" | "sinks") ("below" | "under" | "to" | "through") price-target  → below
 *              | ("rises" | "climbs" | "rallies" | "jumps") ("above" | "over" | "to" | "through") price-target → above
 *              | ("reaches" | "hits" | "touches" | "tags") price-target                 → reaches
 *              | direction price-target
 *   pnl-rule   = like price-rule without "closes", with "exceeds" | "tops" (→ above), and an amount as target
 *   direction  = "above" | "over" | "beyond" (→ above) | "below" | "under" | "beneath" (→ below)
 *   price-target = number | ["the"] level ;  level = call wall | put wall | zero gamma [level|flip|line] | gamma flip | max pain
 *
 * A refusal names the first token it could not read, where it starts (0-based) and what would
 * have fit there; the message is part of the API (docs/API.md) and pinned by the unit spec.
 */

export type ParseResult = { ok: true; rule: PromptAlertRule } | { ok: false; at: number; message: string };

export const EXPECTED = {
  subject: `a symbol (${promptAlertSymbols.join(', ')}) or "my P&L"`,
  pnlWord: '"P&L"',
  priceRule: 'how the price moves ("crosses", "closes above", "trades below", "drops below", "reaches", "above", "under")',
  pnlRule: 'how the P&L moves ("reaches", "is above", "drops below", "exceeds", "above", "under")',
  direction: '"above" or "below"',
  directionOrAt: '"above", "below" or "at"',
  priceTarget: 'a price (such as 5000) or a level (call wall, put wall, zero gamma, max pain)',
  amount: 'an amount (such as 500)',
  join: '"and", "with" or the end of the sentence',
  me: '"me"',
  know: '"know"',
  soonAs: '"as soon as"',
  wall: '"wall"',
  gamma: '"gamma"',
  flip: '"flip"',
  pain: '"pain"',
} as const;

/** Thrown from deep in the descent and caught once in parsePromptAlert, never outside this file. */
class Refusal extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

type Comparator = PromptAlertCondition['comparator'];

const ABOVE = new Set(['above', 'over', 'beyond']);
const BELOW = new Set(['below', 'under', 'beneath']);
const CLOSE_VERBS = new Set(['closes', 'close', 'settles', 'settle']);
const CROSS_VERBS = new Set(['crosses', 'cross', 'breaks', 'break']);
const STATE_VERBS = new Set(['trades', 'trade', 'is', 'goes', 'go', 'moves', 'move', 'gets', 'get', 'stays', 'stay']);
const DOWN_VERBS = new Set(['drops', 'drop', 'falls', 'fall', 'dips', 'dip', 'sinks', 'sink']);
const UP_VERBS = new Set(['rises', 'rise', 'climbs', 'climb', 'rallies', 'rally', 'jumps', 'jump']);
const REACH_VERBS = new Set(['reaches', 'reach', 'hits', 'hit', 'touches', 'touch', 'tags', 'tag']);
const EXCEED_VERBS = new Set(['exceeds', 'exceed', 'tops', 'top']);
const LEAD_VERBS = new Set(['alert', 'notify', 'tell', 'ping', 'warn']);
const OPENERS = new Set(['if', 'when', 'whenever', 'once']);
const JOINS = new Set(['and', 'with', 'while']);
const PNL_QUALIFIERS = new Set(['position', 'positions', "position's", "positions'", 'trade', 'trades', "trade's", "trades'", 'open', 'total']);
const PNL_WORDS = new Set(['p&l', 'pnl', 'profit', 'p/l']);
const LEVEL_WORDS: Readonly<Record<string, PromptAlertLevel>> = { 'call-wall': 'call-wall', 'put-wall': 'put-wall', 'zero-gamma': 'zero-gamma', 'gamma-flip': 'zero-gamma', 'max-pain': 'max-pain' };
const SYMBOLS = new Set<string>(promptAlertSymbols);

class Parser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  sentence(): PromptAlertRule {
    this.preamble();
    const conditions = [this.condition()];
    while (this.join()) conditions.push(this.condition());
    const last = this.peek();
    if (last?.kind === 'mark' && (last.text === '.' || last.text === '!') && this.index === this.tokens.length - 1) this.index += 1;
    if (this.peek()) this.refuse(EXPECTED.join);
    return { conditions };
  }

  private preamble(): void {
    const first = this.word();
    if (first !== undefined && LEAD_VERBS.has(first)) {
      this.index += 1;
      this.expectWord(['me'], EXPECTED.me);
    } else if (first === 'let') {
      this.index += 1;
      this.expectWord(['me'], EXPECTED.me);
      this.expectWord(['know'], EXPECTED.know);
    }
    const opener = this.word();
    if (opener !== undefined && OPENERS.has(opener)) this.index += 1;
    else if (opener === 'as') {
      this.index += 1;
      this.expectWord(['soon'], EXPECTED.soonAs);
      this.expectWord(['as'], EXPECTED.soonAs);
    }
  }

  private join(): boolean {
    const token = this.peek();
    if (token?.kind === 'mark' && (token.text === ',' || token.text === '&')) {
      this.index += 1;
      if (token.text === ',' && this.word() === 'and') this.index += 1;
      return true;
    }
    if (token?.kind === 'word' && JOINS.has(token.word)) {
      this.index += 1;
      return true;
    }
    return false;
  }

  private condition(): PromptAlertCondition {
    const subject = this.word();
    if (subject === 'my') {
      this.index += 1;
      while (PNL_QUALIFIERS.has(this.word() ?? '')) this.index += 1;
      this.expectWord([...PNL_WORDS], EXPECTED.pnlWord);
      return this.pnlRule();
    }
    const token = this.peek();
    const symbol = token?.kind === 'word' ? token.text.toUpperCase() : undefined;
    if (symbol === undefined || !SYMBOLS.has(symbol)) return this.refuse(EXPECTED.subject);
    this.index += 1;
    return this.priceRule(symbol as PromptAlertSymbol);
  }

  private priceRule(symbol: PromptAlertSymbol): PromptAlertCondition {
    const verb = this.word();
    const condition = (metric: 'price' | 'close', comparator: Comparator, target: PromptAlertTarget): PromptAlertCondition => ({
      symbol,
      metric,
      comparator,
      target,
      warnWithinPercent: PROMPT_ALERT_WARNING_PERCENT[metric],
    });
    if (verb === undefined) return this.refuse(EXPECTED.priceRule);
    if (CLOSE_VERBS.has(verb)) {
      this.index += 1;
      const comparator = this.direction(EXPECTED.direction);
      return condition('close', comparator, this.priceTarget());
    }
    return condition('price', this.movement(verb, EXPECTED.priceRule, false), this.priceTarget());
  }

  private pnlRule(): PromptAlertCondition {
    const verb = this.word();
    if (verb === undefined) return this.refuse(EXPECTED.pnlRule);
    const comparator = this.movement(verb, EXPECTED.pnlRule, true);
    return { symbol: null, metric: 'pnl', comparator, target: { kind: 'number', value: this.amount(EXPECTED.amount) }, warnWithinPercent: PROMPT_ALERT_WARNING_PERCENT.pnl };
  }

  /** The verb phrase of a price or P&L rule, read up to its target. */
  private movement(verb: string, expected: string, pnl: boolean): Comparator {
    if (ABOVE.has(verb) || BELOW.has(verb)) return this.direction(expected);
    this.index += 1;
    if (CROSS_VERBS.has(verb)) {
      const next = this.word();
      return next !== undefined && (ABOVE.has(next) || BELOW.has(next)) ? this.direction(EXPECTED.direction) : 'crosses';
    }
    if (STATE_VERBS.has(verb)) {
      if (this.word() === 'at') {
        this.index += 1;
        return 'reaches';
      }
      return this.direction(EXPECTED.directionOrAt);
    }
    if (DOWN_VERBS.has(verb)) return this.towards('below', ['below', 'under', 'beneath', 'to', 'through'], '"below", "under" or "to"');
    if (UP_VERBS.has(verb)) return this.towards('above', ['above', 'over', 'beyond', 'to', 'through'], '"above", "over" or "to"');
    if (REACH_VERBS.has(verb)) return 'reaches';
    if (pnl && EXCEED_VERBS.has(verb)) return 'above';
    this.index -= 1;
    return this.refuse(expected);
  }

  private towards(comparator: 'above' | 'below', words: readonly string[], expected: string): Comparator {
    this.expectWord(words, expected);
    return comparator;
  }

  private direction(expected: string): 'above' | 'below' {
    const word = this.word();
    if (word !== undefined && ABOVE.has(word)) {
      this.index += 1;
      return 'above';
    }
    if (word !== undefined && BELOW.has(word)) {
      this.index += 1;
      return 'below';
    }
    return this.refuse(expected);
  }

  private priceTarget(): PromptAlertTarget {
    const token = this.peek();
    if (token?.kind === 'number') {
      if (token.value <= 0) return this.refuse(EXPECTED.priceTarget);
      this.index += 1;
      return { kind: 'number', value: token.value };
    }
    if (this.word() === 'the') this.index += 1;
    return { kind: 'level', level: this.level() };
  }

  private level(): PromptAlertLevel {
    const word = this.word();
    if (word === undefined) return this.refuse(EXPECTED.priceTarget);
    const single = LEVEL_WORDS[word];
    if (single) {
      this.index += 1;
      this.optionalLevelTail(single);
      return single;
    }
    const pairs: Readonly<Record<string, [string, PromptAlertLevel, string]>> = {
      call: ['wall', 'call-wall', EXPECTED.wall],
      put: ['wall', 'put-wall', EXPECTED.wall],
      zero: ['gamma', 'zero-gamma', EXPECTED.gamma],
      gamma: ['flip', 'zero-gamma', EXPECTED.flip],
      max: ['pain', 'max-pain', EXPECTED.pain],
    };
    const pair = pairs[word];
    if (!pair) return this.refuse(EXPECTED.priceTarget);
    this.index += 1;
    this.expectWord([pair[0]], pair[2]);
    this.optionalLevelTail(pair[1]);
    return pair[1];
  }

  /** "the zero gamma level", "the zero gamma flip", "the zero gamma line". */
  private optionalLevelTail(level: PromptAlertLevel): void {
    const next = this.word();
    if (level === 'zero-gamma' && next !== undefined && ['level', 'flip', 'line'].includes(next)) this.index += 1;
    else if (next === 'level') this.index += 1;
  }

  private amount(expected: string): number {
    const token = this.peek();
    if (token?.kind !== 'number') return this.refuse(expected);
    this.index += 1;
    return token.value;
  }

  private expectWord(words: readonly string[], expected: string): void {
    const word = this.word();
    if (word === undefined || !words.includes(word)) this.refuse(expected);
    this.index += 1;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private word(): string | undefined {
    const token = this.peek();
    return token?.kind === 'word' ? token.word : undefined;
  }

  private refuse(expected: string): never {
    const token = this.peek();
    if (!token) throw new Refusal(this.text.length, `the sentence ended at ${this.text.length}: expected ${expected}`);
    throw new Refusal(token.start, `could not understand "${token.text}" at ${token.start}: expected ${expected}`);
  }
}

/** Reads a prompt alert's sentence into its rule, or says where and why it could not. */
export function parsePromptAlert(text: string): ParseResult {
  try {
    return { ok: true, rule: new Parser(text, tokenize(text)).sentence() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, at: error.at, message: error.message };
    throw error;
  }
}
