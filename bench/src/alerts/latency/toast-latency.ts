import type { LatencySummary } from '../../fanout/stats.js';
import type { EvaluatorName } from '../cpu-per-tick.js';

export interface LatencyRun {
  evaluator: EvaluatorName;
  crossingTicks: number;
  expected: number;
  received: number;
  missing: number;
  duplicates: number;
  latency: LatencySummary;
  copilotCpuPercent: number | null;
}

export interface LatencyResult {
  description: string;
  runs: LatencyRun[];
  notes: string[];
}
