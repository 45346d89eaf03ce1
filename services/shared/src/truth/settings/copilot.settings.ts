import { z } from 'zod';
import { componentSettings } from './settings-spec.js';

/** The copilot (`truth/components/copilot.json`): no settings yet, so any key there is a mistake. */
export const copilotSettings = componentSettings('copilot', z.strictObject({}), { node: ['sessionTtlSec'] });
export type CopilotSettings = z.output<typeof copilotSettings.schema>;
