import { DEFAULT_COMMENTARY_CONFIG, type CommentaryConfigDto, type CommentaryDto } from '@marketswarm/shared/dto';

export const T0 = Date.UTC(2026, 0, 5, 15, 30);

/** A commentary item for specs, `ts` minutes after T0. */
export function commentary(id: string, minute: number, over: Partial<CommentaryDto> = {}): CommentaryDto {
  return { id, ts: T0 + minute * 60_000, kind: 'mel-state', severity: 'info', text: `note ${id}`, source: 'rules', ...over };
}

export const config = (over: Partial<CommentaryConfigDto> = {}): CommentaryConfigDto => ({ ...DEFAULT_COMMENTARY_CONFIG, ...over });
