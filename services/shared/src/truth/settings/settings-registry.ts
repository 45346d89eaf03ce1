import { copilotSettings } from './copilot.settings.js';
import { intelSettings } from './intel.settings.js';
import { journalSettings } from './journal.settings.js';
import { massiveSettings } from './massive.settings.js';
import { nginxSettings } from './nginx.settings.js';
import type { ComponentSettingsSpec } from './settings-spec.js';
import { sseSettings } from './sse.settings.js';
import { staticSettings } from './static.settings.js';
import { watchSettings } from './watch.settings.js';

export type SettingsRegistry = ReadonlyMap<string, ComponentSettingsSpec>;

/**
 * Every component that has settings, by component id. The truth compiler validates each
 * `settings` block against its entry, and a component without an entry may declare none, so a
 * setting no code reads cannot be loaded.
 */
export const settingsRegistry: SettingsRegistry = new Map(
  [sseSettings, massiveSettings, intelSettings, nginxSettings, staticSettings, journalSettings, copilotSettings, watchSettings].map((spec): [string, ComponentSettingsSpec] => [spec.component, spec]),
);
