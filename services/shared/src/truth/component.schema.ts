import { z } from 'zod';
import { busNameSchema } from '../events/bus-name.js';
import { topicNameSchema } from '../events/topics.js';
import { nodeSettingsShape } from './settings/node.settings.js';

const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an UPPER_SNAKE environment variable name');
const semver = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as 1.2.3');

export const componentIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be lower-case kebab-case');
export const componentKindSchema = z.enum(['service', 'producer', 'redis', 'proxy', 'static']);
export type ComponentKind = z.infer<typeof componentKindSchema>;

export const listenSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1').describe('Interface to bind; services stay on loopback behind nginx'),
  port: z.number().int().min(1).max(65535).describe('Default listen port'),
  env: envName.describe('Environment variable that overrides the port for every process of the stack'),
});

export const heartbeatSchema = z
  .strictObject({
    intervalMs: z.number().int().min(250).max(60_000).describe('How often the service writes its heartbeat'),
    ttlSec: z.number().int().min(1).max(600).describe('Expiry of the heartbeat key'),
  })
  .refine((hb) => hb.ttlSec * 1000 >= hb.intervalMs * 2, {
    message: 'ttlSec must cover at least two heartbeat intervals',
    path: ['ttlSec'],
  });

/** A key, stream or channel a component writes or reads, on one Redis bus. */
export const channelSchema = z.strictObject({
  bus: busNameSchema,
  kind: z.enum(['stream', 'snapshot', 'key', 'hash', 'channel']),
  key: z.string().min(1).max(200),
  topic: topicNameSchema.optional(),
  maxlen: z.number().int().min(10).max(10_000_000).optional().describe('Stream retention (XADD MAXLEN ~)'),
  description: z.string().max(500).optional(),
});
export type Channel = z.infer<typeof channelSchema>;

export const secretSpecSchema = z.strictObject({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be a camelCase name'),
  env: envName,
  required: z.boolean().default(false),
  description: z.string().min(1).max(500),
});

export const componentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: componentIdSchema,
    meta: z.strictObject({
      name: z.string().min(1).max(80),
      description: z.string().min(1).max(500),
      kind: componentKindSchema,
      version: semver,
      pm2: z.string().regex(/^fotw-[a-z0-9-]+$/, 'must be a pm2 name starting with fotw-').optional(),
    }),
    listen: listenSchema.optional(),
    bus: busNameSchema.optional().describe('For redis components: the bus this instance serves'),
    persistence: z.strictObject({ appendonly: z.boolean() }).optional(),
    heartbeat: heartbeatSchema.optional(),
    publishes: z.array(channelSchema).default([]),
    consumes: z.array(channelSchema).default([]),
    models: z.strictObject({ produces: z.array(z.string()).default([]), consumes: z.array(z.string()).default([]) }).default({ produces: [], consumes: [] }),
    /** Checked by the truth compiler against the schema registered for this id (truth/settings). */
    settings: z.record(z.string(), z.unknown()).default({}),
    secrets: z.array(secretSpecSchema).default([]),
  })
  .superRefine((c, ctx) => {
    const needsProcess = c.meta.kind !== 'redis';
    if (c.meta.kind === 'redis') {
      if (!c.bus) ctx.addIssue({ code: 'custom', path: ['bus'], message: 'a redis component must name the bus it serves' });
      if (!c.listen) ctx.addIssue({ code: 'custom', path: ['listen'], message: 'a redis component needs a listen port' });
    } else if (c.bus) {
      ctx.addIssue({ code: 'custom', path: ['bus'], message: 'only redis components serve a bus' });
    }
    if (needsProcess && !c.meta.pm2) ctx.addIssue({ code: 'custom', path: ['meta', 'pm2'], message: 'required for a process component' });
    if ((c.meta.kind === 'service' || c.meta.kind === 'producer' || c.meta.kind === 'static') && !c.heartbeat) {
      ctx.addIssue({ code: 'custom', path: ['heartbeat'], message: `required for a ${c.meta.kind}` });
    }
  });
export type Component = z.infer<typeof componentSchema>;

export const nodeSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).max(80),
  version: semver.describe('Semantic version of this truth document'),
  environment: z.enum(['development', 'production']),
  publicUrl: z.url(),
  ...nodeSettingsShape,
});
export type TruthNode = z.infer<typeof nodeSchema>;
