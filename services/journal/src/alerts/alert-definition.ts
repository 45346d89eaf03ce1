import type { AlertBody, AlertDto, AlertKind } from '@marketswarm/shared/dto';
import type { AlertRow } from '../database/journal-db.js';
import { microsToNumber, parseMicros, type Micros } from '../database/money.js';

/**
 * An alert's kind-specific definition as the journal stores it: the columns filters and the
 * evaluator read, and the rest in `params` (JSON). The two functions here are the only place that
 * knows which field of which kind goes where, both ways.
 */
export interface StoredDefinition {
  kind: AlertKind;
  symbol: string | null;
  positionId: string | null;
  tradeId: string | null;
  direction: string | null;
  targetMicros: Micros;
  params: Record<string, string | null>;
}

type Definition = AlertBody;

const micros = (value: number): Micros => parseMicros(String(value));

export function storedDefinition(body: Definition): StoredDefinition {
  const none = { symbol: null, positionId: null, tradeId: null, direction: null, params: {} };
  switch (body.kind) {
    case 'price':
      return { ...none, kind: body.kind, symbol: body.symbol, direction: body.direction, targetMicros: micros(body.level), params: { source: body.source, sourceRef: body.sourceRef ?? null } };
    case 'spread-debit':
      return { ...none, kind: body.kind, positionId: body.positionId, direction: body.direction, targetMicros: micros(body.target) };
    case 'position-pnl':
      return { ...none, kind: body.kind, positionId: body.positionId ?? null, tradeId: body.tradeId ?? null, direction: body.direction, targetMicros: micros(body.target) };
    case 'greeks':
      return { ...none, kind: body.kind, positionId: body.positionId ?? null, tradeId: body.tradeId ?? null, direction: body.op, targetMicros: micros(body.value), params: { greek: body.greek } };
    case 'trailing-stop':
      return { ...none, kind: body.kind, symbol: body.symbol, targetMicros: micros(body.trail), params: { side: body.side, trailUnit: body.trailUnit } };
  }
}

type Bookkeeping = Pick<AlertDto, 'id' | 'label' | 'behaviour' | 'cooldownSec' | 'enabled' | 'createdAt' | 'updatedAt' | 'lastFiredAt' | 'hitCount'>;

/** The alert as the API answers it, from its row. */
export function alertFromRow(row: AlertRow): AlertDto {
  const common: Bookkeeping = {
    id: row.id,
    label: row.label,
    behaviour: row.behaviour as AlertDto['behaviour'],
    cooldownSec: row.cooldown_sec,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastFiredAt: row.last_fired_at,
    hitCount: row.hit_count,
  };
  const params = JSON.parse(row.params) as Record<string, string | null>;
  const target = microsToNumber(row.target_micros);
  const kind = row.kind as AlertKind;
  // Rows are written only through storedDefinition, so each cast restores what it stored.
  switch (kind) {
    case 'price':
      return { ...common, kind, symbol: row.symbol ?? '', level: target, direction: row.direction as 'above', source: (params['source'] ?? 'manual') as 'manual', sourceRef: params['sourceRef'] ?? null };
    case 'spread-debit':
      return { ...common, kind, positionId: row.position_id ?? '', target, direction: row.direction as 'above' };
    case 'position-pnl':
      return { ...common, kind, positionId: row.position_id, tradeId: row.trade_id, target, direction: row.direction as 'above' };
    case 'greeks':
      return { ...common, kind, positionId: row.position_id, tradeId: row.trade_id, greek: params['greek'] as 'delta', op: row.direction as 'above', value: target };
    case 'trailing-stop':
      return { ...common, kind, symbol: row.symbol ?? '', side: params['side'] as 'long', trail: target, trailUnit: params['trailUnit'] as 'points' };
  }
}

/**
 * The body that would create this alert again: what a PATCH is merged into before the whole is
 * checked by the create schema. Null fields are left out, as a client would leave them out.
 */
export function bodyOf(alert: AlertDto): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, lastFiredAt: _l, hitCount: _h, ...rest } = alert;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null));
}
