import { z } from 'zod';
import { componentSchema, nodeSchema } from './component.schema.js';
import { settingsRegistry, type SettingsRegistry } from './settings/settings-registry.js';

const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

/**
 * JSON Schemas of the truth files, generated from the zod schemas so editors can validate and
 * complete `truth/*.json` as you type — settings included: each component id selects its settings
 * schema. Cross-file rules (wiring) exist only in `./admin build-truth`.
 */
export function truthJsonSchemas(registry: SettingsRegistry = settingsRegistry): Record<string, string> {
  const render = (schema: Record<string, unknown>, title: string) => `${JSON.stringify({ title, ...schema }, null, 2)}\n`;
  const settingsByComponent = [...registry.values()]
    .sort((a, b) => a.component.localeCompare(b.component))
    .map((spec) => {
      const { $schema: _dialect, ...settings } = toJson(spec.schema);
      return { if: { properties: { id: { const: spec.component } }, required: ['id'] }, then: { properties: { settings } } };
    });
  return {
    'component.schema.json': render({ ...toJson(componentSchema), allOf: settingsByComponent }, 'MarketSwarm truth component (truth/components/<id>.json)'),
    'node.schema.json': render(toJson(nodeSchema), 'MarketSwarm truth node (truth/node.json)'),
  };
}
