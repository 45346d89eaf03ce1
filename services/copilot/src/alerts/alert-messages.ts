import type { AlertDirection, InternalPromptAlertDto, PromptAlertStage } from '@marketswarm/shared/dto';
import type { PositionAlert, PriceAlert, TrailingStopAlert } from './alert-book.js';

/** The text the trader reads in the toast and the alert's history; the label leads when there is one. */
function labelled(label: string | null, text: string): string {
  return label ? `${label}: ${text}` : text;
}

export function priceMessage(alert: PriceAlert, price: number): string {
  const how = alert.direction === 'above' ? 'rose through' : alert.direction === 'below' ? 'fell through' : 'crossed';
  return labelled(alert.label, `${alert.symbol} ${how} ${alert.level} (at ${price})`);
}

export function trailingMessage(alert: TrailingStopAlert, price: number, best: number, stop: number): string {
  const unit = alert.trailUnit === 'percent' ? `${alert.trail}%` : `${alert.trail} points`;
  return labelled(alert.label, `${alert.symbol} trailing stop (${alert.side}, ${unit}) hit at ${price}: best ${best}, stop ${round2(stop)}`);
}

export function stageMessage(prompt: InternalPromptAlertDto, stage: PromptAlertStage): string {
  return stage === 'accomplished' ? `Accomplished: ${prompt.text}` : `Getting close: ${prompt.text}`;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A position alert's hit: what it watched, on which position, and the mark that reached it. */
export function positionMessage(alert: PositionAlert, positionName: string, mark: number): string {
  switch (alert.kind) {
    case 'spread-debit':
      return labelled(alert.label, `${positionName} spread ${directionWords(alert.direction)} ${alert.target} (at ${round2(mark)})`);
    case 'position-pnl':
      return labelled(alert.label, `${positionName} P&L ${directionWords(alert.direction)} ${alert.target} (at ${round2(mark)})`);
    case 'greeks':
      return labelled(alert.label, `${positionName} ${alert.greek} ${alert.op} ${alert.value} (at ${Math.round(mark * 10_000) / 10_000})`);
  }
}

function directionWords(direction: AlertDirection): string {
  return direction === 'above' ? 'reached' : direction === 'below' ? 'fell to' : 'crossed';
}
