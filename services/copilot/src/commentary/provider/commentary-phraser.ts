import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import type { CommentaryDto } from '@marketswarm/shared/dto';
import type { CopilotSettings } from '@marketswarm/shared/truth';
import type { CommentaryDraft } from '../commentary-rules.js';
import { OpenAiCompatibleProvider } from './openai-compatible.provider.js';
import { ResilientProvider, type ProviderSkip } from './resilient-provider.js';

/** The copilot's secret in truth (`secrets[].name`, env MS_COPILOT_LLM_API_KEY at `./admin load-truth`). */
export const LLM_API_KEY_SECRET = 'llmApiKey';

export interface PhrasedLine {
  text: string;
  source: CommentaryDto['source'];
}

/**
 * Chooses who writes a line: the provider when the service enables it, a key is configured and
 * the user asked for it; the rules otherwise and whenever the provider gives nothing. Settings and
 * key are read at each call, and the wrapped provider is rebuilt when either changed, so a reloaded
 * truth applies at once (a new key also starts with a closed breaker).
 */
export class CommentaryPhraser {
  private current: { settings: string; key: string; provider: ResilientProvider } | undefined;
  private readonly skipped: Counter<'reason'>;

  constructor(
    private readonly settings: () => CopilotSettings['provider'],
    private readonly apiKey: () => string | undefined,
    private readonly logger: Logger,
    registry: Registry,
  ) {
    const name = 'copilot_commentary_provider_skipped_total';
    this.skipped =
      (registry.getSingleMetric(name) as Counter<'reason'> | undefined) ??
      new Counter({ name, help: 'Commentary lines the provider did not phrase (breaker open, rate limited, failed): the rule text was used', labelNames: ['reason'], registers: [registry] });
  }

  async phrase(draft: CommentaryDraft, useProvider: boolean, question?: string): Promise<PhrasedLine> {
    const provider = useProvider ? this.provider() : undefined;
    if (provider === undefined) return { text: draft.text, source: 'rules' };
    const text = await provider.phrase({ kind: draft.kind, text: draft.text, ...(draft.symbol === undefined ? {} : { symbol: draft.symbol }), ...(question === undefined ? {} : { question }) });
    return text === null ? { text: draft.text, source: 'rules' } : { text, source: 'provider' };
  }

  private provider(): ResilientProvider | undefined {
    const settings = this.settings();
    const key = this.apiKey();
    if (!settings.enabled || key === undefined || key.length === 0) return undefined;
    const signature = JSON.stringify(settings);
    if (this.current?.settings !== signature || this.current.key !== key) {
      const provider = new ResilientProvider(
        new OpenAiCompatibleProvider({ baseUrl: settings.baseUrl, model: settings.model, apiKey: key }),
        { timeoutMs: settings.timeoutMs, maxPerMinute: settings.maxPerMinute, breakerFailures: settings.breakerFailures, halfOpenAfterMs: settings.breakerCooldownSec * 1000 },
        this.logger,
        (reason: ProviderSkip) => this.skipped.inc({ reason }),
      );
      this.current = { settings: signature, key, provider };
    }
    return this.current.provider;
  }
}
