import type { Redis } from 'ioredis';
import type { StreamsView } from '@marketswarm/shared/dto';
import type { BusName } from '@marketswarm/shared/events';
import { readStreamLags } from '@marketswarm/shared/ops';
import type { TruthDoc } from '@marketswarm/shared/truth';

/** The streams view: the shared stream-lag reader, which `./admin status` and the watch use too. */
export async function adminStreams(redisFor: (bus: BusName) => Redis, truth: TruthDoc): Promise<StreamsView> {
  return { streams: await readStreamLags(redisFor, truth) };
}
