import { z } from 'zod';
import { componentSchema, nodeSchema } from './component.schema.js';

/**
 * JSON Schemas of the truth files, generated from the zod schemas so editors can validate and
 * complete `truth/*.json` as you type. Cross-file rules (wiring) exist only in `./admin build-truth`.
 */
export function truthJsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) }, null, 2)}\n`;
  return {
    'component.schema.json': render(componentSchema, 'MarketSwarm truth component (truth/components/<id>.json)'),
    'node.schema.json': render(nodeSchema, 'MarketSwarm truth node (truth/node.json)'),
  };
}
