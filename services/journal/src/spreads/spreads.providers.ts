import type { Provider } from '@nestjs/common';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import { HeatmapSnapshotReader } from './heatmap-snapshot.reader.js';

/** The market producer's heatmap snapshot in market Redis, as truth routes it. */
export const heatmapSnapshotReaderProvider: Provider = {
  provide: HeatmapSnapshotReader,
  useFactory: (ctx: ServiceContext) => new HeatmapSnapshotReader(ctx.bus.get('market'), ctx.truth().doc.topics['heatmap'], ctx.logger),
  inject: [SERVICE_CONTEXT],
};
