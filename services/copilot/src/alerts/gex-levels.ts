import type { PromptAlertLevel } from '@marketswarm/shared/dto';
import type { TypedEvent } from '@marketswarm/shared/events';

export type GexPayload = TypedEvent<'gex'>['data'];

/** A prompt alert's GEX level from the symbol's latest model; undefined until the model names it. */
export function gexLevel(payload: GexPayload | undefined, level: PromptAlertLevel): number | undefined {
  if (!payload) return undefined;
  switch (level) {
    case 'call-wall':
      return payload.callWall;
    case 'put-wall':
      return payload.putWall;
    case 'zero-gamma':
      return payload.flip;
    case 'max-pain': {
      const maxPain = payload['maxPain'];
      return typeof maxPain === 'number' && Number.isFinite(maxPain) ? maxPain : undefined;
    }
  }
}
