import { describe, expect, it } from 'vitest';
import { COMMENTARY_TEXT_MAX } from '@marketswarm/shared/dto';
import { chatRequestBody, cleanProviderText } from './openai-compatible.provider.js';

describe(cleanProviderText.name, () => {
  it('strips markup, markdown marks and control characters and collapses whitespace', () => {
    expect(cleanProviderText('## Heads up\n<b>SPX</b> is **through** the `6,050` wall\u0007;\u202e see [docs](http://x).\t')).toBe('Heads up SPX is through the 6,050 wall ; see docs.');
  });

  it('caps the line at the commentary maximum with an ellipsis', () => {
    const text = cleanProviderText('a '.repeat(COMMENTARY_TEXT_MAX));
    expect(text).toHaveLength(COMMENTARY_TEXT_MAX);
    expect(text.endsWith('…')).toBe(true);
  });

  it('leaves nothing of a line that was only markup', () => {
    expect(cleanProviderText(' <br/> ** ')).toBe('');
  });
});

describe(chatRequestBody.name, () => {
  it('gives the model the facts and the question, and tells it to add nothing', () => {
    const body = chatRequestBody('m', { kind: 'on-demand', symbol: 'SPX', text: 'SPX 6,003.20.', question: 'Is the pin holding?' });
    expect(body).toMatchObject({ model: 'm' });
    const messages = body['messages'] as Array<{ role: string; content: string }>;
    expect(messages[0]?.content).toContain('Use only the facts given');
    expect(messages[1]?.content).toBe('Kind: on-demand\nSymbol: SPX\nFacts: SPX 6,003.20.\nTrader\'s question (answer only from the facts): Is the pin holding?');
  });
});
