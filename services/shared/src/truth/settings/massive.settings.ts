import { z } from 'zod';
import { componentSettings } from './settings-spec.js';

/** The market producer (`truth/components/massive.json` → `settings`); it publishes the node's `symbols`. */
export const massiveSettings = componentSettings(
  'massive',
  z
    .strictObject({
      source: z.enum(['simulator', 'replay']).default('simulator').describe('Where ticks come from: the seeded simulator or a recorded file'),
      seed: z.number().int().default(42).describe('Simulator seed; the same seed gives the same price path'),
      spotIntervalMs: z.number().int().min(10).max(60_000).default(1000).describe('Publish cycle (and simulator step) in ms'),
      modelIntervalMs: z.number().int().min(100).max(600_000).default(5000).describe('Model rebuild cadence (GEX, heatmap, mode, bias, ideas) in ms'),
      clock: z.enum(['demo', 'regular']).default('demo').describe('demo: market open 24/7; regular: 09:30-16:00 America/New_York, Mon-Fri'),
      replayFile: z.string().min(1).optional().describe('Recording (NDJSON or CSV) to play when source is replay; MS_MASSIVE_REPLAY or --replay win'),
      replaySpeed: z.number().min(0).max(1_000_000).default(1).describe('Replay speed: 1 = real time, 10 = ten times faster, 0 = as fast as possible'),
      recordFile: z.string().min(1).optional().describe('When set, every published tick is appended to this NDJSON file'),
    })
    .superRefine((s, ctx) => {
      if (s.source === 'replay' && s.replayFile === undefined) {
        ctx.addIssue({ code: 'custom', path: ['replayFile'], message: 'is required when source is "replay"' });
      }
    }),
  { node: ['symbols'] },
);
export type MassiveComponentSettings = z.output<typeof massiveSettings.schema>;
