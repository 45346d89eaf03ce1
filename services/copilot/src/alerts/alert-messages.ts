import type { InternalPromptAlertDto, PromptAlertStage } from '@marketswarm/shared/dto';
import type { PriceAlert, TrailingStopAlert } from './alert-book.js';

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
