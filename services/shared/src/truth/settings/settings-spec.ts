import type { z } from 'zod';
import type { NodeSettingName } from './node.settings.js';
import type { SettingsSchema } from './setting-meta.js';

/**
 * A component's settings contract, registered with the truth compiler: the schema its
 * `settings` block must pass at `./admin build-truth` / `load-truth` and at boot, and the node
 * settings it reads (a change to one of them needs a restart of this component).
 */
export interface ComponentSettingsSpec<S extends SettingsSchema = SettingsSchema, N extends NodeSettingName = NodeSettingName> {
  readonly component: string;
  readonly schema: S;
  readonly node: readonly N[];
}

export type SettingsOf<Spec extends ComponentSettingsSpec> = z.output<Spec['schema']>;

export function componentSettings<S extends SettingsSchema, N extends NodeSettingName = never>(
  component: string,
  schema: S,
  options: { node?: readonly N[] } = {},
): ComponentSettingsSpec<S, N> {
  return { component, schema, node: options.node ?? [] };
}
