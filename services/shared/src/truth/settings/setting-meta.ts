import { z } from 'zod';

declare module 'zod/v4/core' {
  interface GlobalMeta {
    /**
     * A running process applies this setting when truth is reloaded; without it the setting is read
     * once at boot and a change waits for a restart (shown by `./admin status` and `/health`).
     */
    live?: boolean;
  }
}

/** What a settings block is: a strict object, so a misspelt key is refused instead of ignored. */
export type SettingsSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/** One documented setting of a schema, as the README's settings tables show it. */
export interface SettingInfo {
  key: string;
  description: string;
  /** The default as JSON, or null when the setting is optional and has none. */
  default: string | null;
  live: boolean;
}

/**
 * Reads the metadata of every top-level key: `.describe()` text, default and the `live` flag.
 * Metadata sits on the outermost schema of a key (`.default(…).describe(…).meta({ live: true })`).
 */
export function describeSettings(schema: z.ZodObject): SettingInfo[] {
  return Object.entries(schema.shape).map(([key, field]) => {
    const meta = z.globalRegistry.get(field as z.ZodType);
    return {
      key,
      description: meta?.description ?? '',
      default: defaultOf(field as z.ZodType),
      live: meta?.live === true,
    };
  });
}

/** The keys whose changes a process applies without a restart. */
export function liveKeys(schema: z.ZodObject): ReadonlySet<string> {
  return new Set(describeSettings(schema).filter((s) => s.live).map((s) => s.key));
}

function defaultOf(field: z.ZodType): string | null {
  if (field instanceof z.ZodDefault) return JSON.stringify(field.def.defaultValue);
  return null;
}
