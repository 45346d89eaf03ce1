import { Controller, Get, Inject } from '@nestjs/common';
import type { z } from 'zod';
import {
  melHistoryQuerySchema,
  melHistorySchema,
  melModelIds,
  melModelParamsSchema,
  melModelScoreSchema,
  melQuerySchema,
  melSnapshotSchema,
  melStateSummarySchema,
  type MelHistoryDto,
  type MelHistoryQuery,
  type MelModelScore,
  type MelQuery,
  type MelSnapshot,
  type MelStateSummaryDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { MelService } from './mel.service.js';

type MelModelParams = z.infer<typeof melModelParamsSchema>;

/** `/api/mel`: model effectiveness of the copilot's symbol for one DTE (`?dte=`, default 0). */
@Controller('mel')
export class MelController {
  constructor(@Inject(MelService) private readonly mel: MelService) {}

  @Get('snapshot')
  @ApiRoute({ summary: 'The latest MEL snapshot of a DTE: five model scores, coherence and global integrity', responses: { 200: melSnapshotSchema } })
  snapshot(@ZodQuery(melQuerySchema) query: MelQuery): Promise<MelSnapshot> {
    return this.mel.snapshot(query.dte);
  }

  @Get('models/:model')
  @ApiRoute({ summary: `One model's score of the latest snapshot (${melModelIds.join(', ')})`, responses: { 200: melModelScoreSchema } })
  async model(@ZodParams(melModelParamsSchema) params: MelModelParams, @ZodQuery(melQuerySchema) query: MelQuery): Promise<MelModelScore> {
    return (await this.mel.snapshot(query.dte)).models[params.model];
  }

  @Get('history')
  @ApiRoute({ summary: 'The snapshots kept for a DTE, oldest first (the last hour by default settings)', responses: { 200: melHistorySchema } })
  history(@ZodQuery(melHistoryQuerySchema) query: MelHistoryQuery): MelHistoryDto {
    return { dte: query.dte, snapshots: this.mel.history(query.dte, query.limit) };
  }

  @Get('state')
  @ApiRoute({ summary: 'The short form the header shows: global integrity, state, coherence and each model\'s state', responses: { 200: melStateSummarySchema } })
  async state(@ZodQuery(melQuerySchema) query: MelQuery): Promise<MelStateSummaryDto> {
    const s = await this.mel.snapshot(query.dte);
    const models = Object.fromEntries(melModelIds.map((id) => [id, s.models[id].state])) as MelStateSummaryDto['models'];
    return { dte: s.dte, ts: s.ts, globalIntegrity: s.globalIntegrity, state: s.state, coherence: s.coherence, models };
  }
}
