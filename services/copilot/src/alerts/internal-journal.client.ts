import {
  internalAlertPageSchema,
  internalPromptAlertPageSchema,
  type AlertHitBatchItem,
  type InternalAlertDto,
  type InternalPromptAlertDto,
  type PromptAlertStage,
} from '@marketswarm/shared/dto';
import type { JournalAddress } from './journal-address.js';
import type { JournalAnswer } from './hit-decision.js';

const REQUEST_TIMEOUT_MS = 5_000;

export interface HitRequest {
  at: number;
  message: string;
  value?: number;
  /** Idempotency key: the journal answers a repeat with the first hit (200, `replayed: true`). */
  key: string;
}

/**
 * The journal's internal API as the evaluator calls it: bearer token from truth, a timeout on every
 * call, answers checked with the shared schemas. Reads throw on failure (the caller retries the
 * load); writes return the raw answer, because what a status means is the outbox's decision.
 */
export class InternalJournalClient {
  constructor(private readonly address: () => JournalAddress) {}

  async alerts(user?: string): Promise<InternalAlertDto[]> {
    const all: InternalAlertDto[] = [];
    let cursor: string | null = null;
    do {
      const page = internalAlertPageSchema.parse(await this.getJson('/api/internal/alerts', { user, cursor: cursor ?? undefined }));
      all.push(...page.alerts);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return all;
  }

  async promptAlerts(user?: string): Promise<InternalPromptAlertDto[]> {
    const all: InternalPromptAlertDto[] = [];
    let cursor: string | null = null;
    do {
      const page = internalPromptAlertPageSchema.parse(await this.getJson('/api/internal/prompt-alerts', { user, cursor: cursor ?? undefined }));
      all.push(...page.promptAlerts);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return all;
  }

  postHit(alertId: string, hit: HitRequest): Promise<JournalAnswer> {
    return this.call('POST', `/api/internal/alerts/${encodeURIComponent(alertId)}/hits`, hit);
  }

  /** Several alerts' hits in one request and one journal transaction, answered hit by hit in order. */
  postHits(hits: readonly AlertHitBatchItem[]): Promise<JournalAnswer> {
    return this.call('POST', '/api/internal/alerts/hits', { hits });
  }

  postStage(promptAlertId: string, stage: PromptAlertStage, at: number): Promise<JournalAnswer> {
    return this.call('POST', `/api/internal/prompt-alerts/${encodeURIComponent(promptAlertId)}/stage`, { stage, at });
  }

  order(orderId: string): Promise<JournalAnswer> {
    return this.call('GET', `/api/internal/orders/${encodeURIComponent(orderId)}`);
  }

  private async getJson(path: string, query: Record<string, string | undefined>): Promise<unknown> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, value);
    const qs = search.size > 0 ? `?${search.toString()}` : '';
    const answer = await this.call('GET', `${path}${qs}`);
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status === 'unreachable' ? answer.error : answer.status}`);
    return answer.body;
  }

  private async call(method: string, path: string, body?: unknown): Promise<JournalAnswer> {
    const { url, token } = this.address();
    const headers: Record<string, string> = {};
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const res = await fetch(`${url}${path}`, { method, headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...(body !== undefined && { body: JSON.stringify(body) }) });
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      return { status: res.status, body: parsed };
    } catch (error) {
      return { status: 'unreachable', error: `${method} ${path}: ${(error as Error).message}` };
    }
  }
}
