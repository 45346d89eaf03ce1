import { CircuitState, circuitBreaker, ConsecutiveBreaker, handleAll, timeout, TimeoutStrategy, wrap, type CircuitBreakerPolicy, type IPolicy } from 'cockatiel';
import type { Logger } from 'pino';
import { SlidingWindow } from '../rate-limit.js';
import type { ProviderFacts } from './openai-compatible.provider.js';

export interface PhraseProvider {
  phrase(facts: ProviderFacts, signal: AbortSignal): Promise<string>;
}

export interface ResilienceOptions {
  timeoutMs: number;
  /** Calls per sliding minute, across all users. */
  maxPerMinute: number;
  /** Consecutive failures (errors and timeouts) that open the breaker. */
  breakerFailures: number;
  /** How long an open breaker answers without calling; then one trial call decides. */
  halfOpenAfterMs: number;
}

/** Why a line came from the rules instead of the provider. */
export type ProviderSkip = 'breaker-open' | 'rate-limited' | 'failed';

/**
 * The provider behind a timeout, a consecutive-failure circuit breaker and a global rate limit.
 * It never throws: every way of not getting a line (slow, failing, garbage, open breaker, over the
 * limit) answers `null` and the caller keeps the rule's own text. Timeouts abort the HTTP request
 * and count as failures, so a hanging provider opens the breaker like a failing one.
 */
export class ResilientProvider {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly policy: IPolicy;
  private readonly window = new SlidingWindow();
  private openedAt = 0;

  constructor(
    private readonly provider: PhraseProvider,
    private readonly options: ResilienceOptions,
    private readonly logger: Logger,
    private readonly onSkip: (reason: ProviderSkip) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.breaker = circuitBreaker(handleAll, { halfOpenAfter: options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.breakerFailures) });
    this.breaker.onBreak(() => {
      this.openedAt = this.now();
      this.logger.warn({ cooldownMs: options.halfOpenAfterMs }, 'commentary provider circuit opened; rules only until it half-opens');
    });
    this.breaker.onReset(() => this.logger.info('commentary provider circuit closed'));
    this.policy = wrap(this.breaker, timeout(options.timeoutMs, TimeoutStrategy.Aggressive));
  }

  get state(): 'closed' | 'open' | 'half-open' {
    const state = this.breaker.state;
    if (state === CircuitState.Closed) return 'closed';
    if (state === CircuitState.HalfOpen) return 'half-open';
    return 'open';
  }

  async phrase(facts: ProviderFacts): Promise<string | null> {
    // Skipped here, not by the breaker, so an open breaker spends no rate-limit slot (the trial call
    // after the cooldown needs one). The breaker reports Open until a call tries it after the cooldown.
    if (this.breaker.state === CircuitState.Open && this.now() - this.openedAt < this.options.halfOpenAfterMs) return this.skip('breaker-open');
    if (!this.window.tryTake('provider', this.options.maxPerMinute, this.now())) return this.skip('rate-limited');
    try {
      return await this.policy.execute(({ signal }) => this.provider.phrase(facts, signal));
    } catch (error) {
      // A half-open breaker already running its trial call refuses the others.
      if (isBrokenCircuit(error)) return this.skip('breaker-open');
      // Only the error's message: a request error never carries the Authorization header, and the answer's body is not logged.
      this.logger.warn({ err: error instanceof Error ? error.message : String(error), kind: facts.kind }, 'commentary provider failed; using the rule text');
      return this.skip('failed');
    }
  }

  private skip(reason: ProviderSkip): null {
    this.onSkip(reason);
    return null;
  }
}

function isBrokenCircuit(error: unknown): boolean {
  return error instanceof Error && error.name === 'BrokenCircuitError';
}
