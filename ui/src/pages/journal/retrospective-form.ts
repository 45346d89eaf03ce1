import { periodEnd, retrospectiveBodySchema, type RetrospectiveBody, type RetrospectiveDto, type RetrospectivePeriod } from '@marketswarm/shared/dto';
import { zodFieldErrors, type FieldErrors } from '../../auth/form-issues';
import { monthOf, monthTitle, weekStartOf } from './calendar-grid';

/** What the retrospective form edits: `id` undefined for a new one. */
export interface RetrospectiveDraft {
  id: string | undefined;
  period: RetrospectivePeriod;
  start: string;
  content: string;
}

/** The start of the period holding `date`: its Monday for a week (the journal's weeks start on Monday), its 1st for a month. */
export function periodStartFor(period: RetrospectivePeriod, date: string): string {
  return period === 'week' ? weekStartOf(date, 1) : `${monthOf(date)}-01`;
}

export function newRetrospective(period: RetrospectivePeriod, today: string): RetrospectiveDraft {
  return { id: undefined, period, start: periodStartFor(period, today), content: '' };
}

export function draftOf(retro: RetrospectiveDto): RetrospectiveDraft {
  return { id: retro.id, period: retro.period, start: retro.start, content: retro.content };
}

/** Switching week ↔ month keeps the draft in the same stretch of time. */
export function withPeriod(draft: RetrospectiveDraft, period: RetrospectivePeriod): RetrospectiveDraft {
  return { ...draft, period, start: periodStartFor(period, draft.start) };
}

/** "Week of Dec 7 – Dec 13, 2026" or "December 2026". */
export function periodLabel(period: RetrospectivePeriod, start: string): string {
  if (period === 'month') return monthTitle(monthOf(start));
  const fmt = (d: string, year: boolean) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(Date.parse(`${d}T00:00:00Z`));
  return `Week of ${fmt(start, false)} – ${fmt(periodEnd('week', start), true)}`;
}

export type RetrospectiveRequest = { ok: true; id: string | undefined; body: RetrospectiveBody } | { ok: false; errors: FieldErrors };

/** The body of POST/PUT `/api/journal/retrospectives`, checked by the journal's own schema. */
export function toRetrospectiveRequest(draft: RetrospectiveDraft): RetrospectiveRequest {
  const parsed = retrospectiveBodySchema.safeParse({ period: draft.period, start: draft.start, content: draft.content });
  return parsed.success ? { ok: true, id: draft.id, body: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
}
