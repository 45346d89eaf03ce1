import { z } from 'zod';
import { componentSettings } from './settings-spec.js';

/** The static server of the SPA (`truth/components/static.json` → `settings`). */
export const staticSettings = componentSettings(
  'static',
  z.strictObject({
    root: z.string().trim().min(1).default('ui/dist').describe('Folder to serve, relative to the repository root; it must hold index.html'),
  }),
);
export type StaticSettings = z.output<typeof staticSettings.schema>;
