import type { CandleHistory, CandleHistoryRequest } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import type { TruthDoc } from '@marketswarm/shared/truth';
import type { ModelsRepository } from './models.repository.js';
import { MODEL_NAMES, MODEL_TOPICS, type ModelSnapshot } from './models.schemas.js';

/** Which model lives where (truth), and what "no such model" or "no data yet" means. */
export class ModelsService {
  constructor(
    private readonly truth: () => TruthDoc,
    private readonly repository: ModelsRepository,
  ) {}

  /** The latest snapshot of a model, of one symbol when given (404 when it has none yet). */
  async latest(model: string, symbol: string | undefined): Promise<ModelSnapshot> {
    const topic = MODEL_TOPICS.get(model);
    if (!topic) throw new DomainError('not-found', `no model "${model}" (models: ${MODEL_NAMES.join(', ')})`);
    const route = this.truth().topics[topic];
    if (!route?.snapshot) throw new DomainError('not-found', `no snapshot is kept for ${topic}`);
    const items = (await this.repository.latest(route, topic)).filter((e) => symbol === undefined || e.data['symbol'] === symbol);
    if (symbol !== undefined && items.length === 0) throw new DomainError('not-found', `no ${topic} snapshot for ${symbol} yet`);
    return { model, items };
  }

  async candleHistory(request: CandleHistoryRequest): Promise<CandleHistory> {
    const stream = this.truth().topics['candles']?.stream;
    if (!stream) throw new DomainError('not-found', 'no stream is kept for candles');
    return this.repository.candleHistory(stream, request);
  }
}
