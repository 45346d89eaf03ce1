import { z } from 'zod';
import { componentSettings } from './settings-spec.js';

const HOST_NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
/** `host:port` or `[v6]:port`, as nginx's `server` takes it. */
const HOST_PORT = /^(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]):(?:[1-9]\d{0,4})$/;

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
    sseUpstreams: z
      .array(
        z
          .string()
          .regex(HOST_PORT, 'must be host:port such as 10.0.1.11:3001')
          .refine((value) => Number(value.slice(value.lastIndexOf(':') + 1)) <= 65535, 'port must be at most 65535'),
      )
      .max(64)
      .default([])
      .describe('Gateways on other hosts (host:port each) for the sse upstream; empty: the gateway processes of this host (MS_SSE_INSTANCES)'),
  }),
);
export type NginxSettings = z.output<typeof nginxSettings.schema>;
