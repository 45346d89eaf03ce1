import { z } from 'zod';
import { COMMENTARY_TEXT_MAX, type CommentaryKind } from '@marketswarm/shared/dto';

/** What the provider is given: the rule's own line (the facts) and, on demand, the trader's question. */
export interface ProviderFacts {
  kind: CommentaryKind;
  text: string;
  symbol?: string;
  question?: string;
}

export interface OpenAiCompatibleConfig {
  /** API root; the call goes to `{baseUrl}/chat/completions`. */
  baseUrl: string;
  model: string;
  apiKey: string;
}

/** A provider answer that cannot be used; its message never carries the key or the answer's body. */
export class ProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderError';
  }
}

const chatResponseSchema = z.looseObject({
  choices: z.array(z.looseObject({ message: z.looseObject({ content: z.string() }) })).min(1),
});

const SYSTEM_PROMPT = [
  'You are the commentary voice of an options trading desk copilot.',
  'Rephrase the facts you are given for a trader in at most 2 short sentences of plain text.',
  'Use only the facts given: never add a level, number, event or prediction that is not in them.',
  'No markdown, no lists, no emojis.',
].join(' ');

/** The chat request for one line: the facts as the user turn, the question (if any) after them. */
export function chatRequestBody(model: string, facts: ProviderFacts): Record<string, unknown> {
  const lines = [`Kind: ${facts.kind}`, ...(facts.symbol === undefined ? [] : [`Symbol: ${facts.symbol}`]), `Facts: ${facts.text}`];
  if (facts.question !== undefined) lines.push(`Trader's question (answer only from the facts): ${facts.question}`);
  return {
    model,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: lines.join('\n') },
    ],
    max_tokens: 160,
    temperature: 0.3,
  };
}

/**
 * A model's text made safe to show as plain text: no HTML tags, no markdown emphasis, code or
 * heading marks, no control characters, whitespace collapsed, at most COMMENTARY_TEXT_MAX characters.
 */
export function cleanProviderText(raw: string): string {
  const text = raw
    .replace(/<[^>]*>/g, ' ')
    // Control characters (C0, DEL, C1) and the bidi overrides that can make a line read differently than it is.
    .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/```/g, ' ')
    .replace(/[*_`~]+/g, '')
    .replace(/^\s*#+\s*/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= COMMENTARY_TEXT_MAX) return text;
  return `${text.slice(0, COMMENTARY_TEXT_MAX - 1).trimEnd()}…`;
}

/** One call to an OpenAI-compatible `chat/completions` endpoint: the phrased line, or a ProviderError. */
export class OpenAiCompatibleProvider {
  constructor(private readonly config: OpenAiCompatibleConfig) {}

  async phrase(facts: ProviderFacts, signal: AbortSignal): Promise<string> {
    const url = `${this.config.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.config.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(chatRequestBody(this.config.model, facts)),
      signal,
    });
    const body = await res.text();
    if (!res.ok) throw new ProviderError(`provider answered ${res.status}`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new ProviderError('provider answered something that is not JSON');
    }
    const parsed = chatResponseSchema.safeParse(json);
    if (!parsed.success) throw new ProviderError('provider answer is not a chat completion');
    const text = cleanProviderText(parsed.data.choices[0]?.message.content ?? '');
    if (text.length === 0) throw new ProviderError('provider answered an empty line');
    return text;
  }
}
