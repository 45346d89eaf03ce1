import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@marketswarm/shared/testing';
import { makeBenchCert, tlsDirectives } from './bench-cert.js';
import { startGateways, type GatewayEnvironment, type OursStream } from './gateway-server.js';
import { NGINX_BIN, nginxHead } from './nchan-server.js';
import { childPids } from './proc-stats.js';
import { onCleanup, spawnLimited } from './processes.js';
import { portOpen, waitUntil, type BenchServer } from './servers.js';

/**
 * nginx in front of the gateways as browsers reach them: TLS with HTTP/2 offered (the load clients
 * pick HTTP/1.1 by ALPN), the dev stack's `/sse/` location (nginx/locations.conf.template:
 * unbuffered, identity, kept-alive upstream), every gateway in one upstream.
 */
export function frontConfig(prefix: string, port: number, upstreams: readonly number[], nofile: number, workers: number, cert: { certFile: string; keyFile: string }): string {
  return `${nginxHead(prefix, workers, nofile)}
  upstream sse {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port} ssl http2 reuseport backlog=4096;
${tlsDirectives(cert)}
    location ^~ /sse/ {
      proxy_pass http://sse;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Request-Id $request_id;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header Accept-Encoding "";
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 24h;
      proxy_send_timeout 24h;
      gzip off;
      chunked_transfer_encoding on;
    }
  }
}
`;
}

/** Our gateways behind nginx (TLS): the server's CPU and RSS are the gateways' plus nginx's. */
export async function startTlsFrontedGateways(
  env: GatewayEnvironment,
  options: { nofile: number; gateways: number; workers: number; stream: OursStream; profileDir: string | undefined },
): Promise<BenchServer> {
  const gateways = await startGateways(env, options);
  const prefix = await mkdtemp(path.join(tmpdir(), 'ms-bench-front-'));
  onCleanup(() => rm(prefix, { recursive: true, force: true }));
  try {
    await mkdir(path.join(prefix, 'tmp'), { recursive: true });
    const port = await freePort();
    const conf = path.join(prefix, 'nginx.conf');
    await writeFile(conf, frontConfig(prefix, port, gateways.targets.map((t) => t.port), options.nofile, options.workers, await makeBenchCert(prefix)));
    const proc = spawnLimited('nginx-front', [NGINX_BIN, '-p', prefix, '-c', conf, '-e', path.join(prefix, 'error.log'), '-g', 'daemon off;'], { env: { PATH: process.env['PATH'] ?? '' }, nofile: options.nofile });
    await waitUntil('listening port', () => portOpen(port), proc);
    await waitUntil(`${options.workers} workers`, () => Promise.resolve(childPids(proc.pid).length >= options.workers), proc);
    const template = gateways.targets[0]!;
    return {
      ...gateways,
      description: `nginx (TLS, ${options.workers} workers, pid ${proc.pid}, port ${port}) in front of ${gateways.description}`,
      targets: [{ ...template, port, tls: true }],
      pids: () => [...gateways.pids(), proc.pid, ...childPids(proc.pid)],
      stop: async () => {
        await proc.stop('SIGTERM', 5000);
        await gateways.stop();
        await rm(prefix, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await gateways.stop();
    throw error;
  }
}
