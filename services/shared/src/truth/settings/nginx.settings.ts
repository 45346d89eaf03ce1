import { z } from 'zod';
import { componentSettings } from './settings-spec.js';

const HOST_NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * nginx (`truth/components/nginx.json` → `settings`), rendered into its config by `./admin up`;
 * a change takes effect when nginx is rendered and restarted again.
 */
export const nginxSettings = componentSettings(
  'nginx',
  z.strictObject({
    serverName: z.string().regex(HOST_NAME, 'must be one host name such as trade.example.com').default('localhost').describe('server_name of the public server block'),
    sseReadTimeout: z
      .string()
      .regex(/^\d+(?:ms|s|m|h|d|w)?$/, 'must be an nginx time such as 24h or 3600s')
      .default('24h')
      .describe('proxy_read_timeout for /sse/: how long a quiet stream may stay open'),
  }),
);
export type NginxSettings = z.output<typeof nginxSettings.schema>;
