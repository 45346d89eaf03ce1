import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@marketswarm/shared/testing';
import { childPids } from './proc-stats.js';
import { onCleanup, spawnLimited } from './processes.js';
import { makeBenchCert, tlsDirectives } from './bench-cert.js';
import { httpSink } from './publisher.js';
import { portOpen, waitUntil, type BenchServer } from './servers.js';

export const NGINX_BIN = '/usr/sbin/nginx';
export const NCHAN_MODULE = '/usr/lib/nginx/modules/ngx_nchan_module.so';

/**
 * What nchan and the TLS front share: workers and their file limit, pid and error log under
 * `prefix`, no access log, temp folders inside `prefix`. Ends inside the open `http {` block.
 */
export function nginxHead(prefix: string, workers: number, nofile: number): string {
  return `worker_processes ${workers};
worker_rlimit_nofile ${nofile};
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events {
  worker_connections ${nofile - 100};
  multi_accept on;
}
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp/client_body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  keepalive_timeout 65s;`;
}

/**
 * nchan as an EventSource pub/sub on loopback: one channel, `/sub` for subscribers, `/pub` for the
 * publisher. `reuseport` gives each worker its own accept queue, so subscribers spread over both.
 * Subscribers start at the newest message (no replay of earlier scenarios).
 */
export function nchanConfig(prefix: string, port: number, nofile: number, workers: number, tls?: { cert: { certFile: string; keyFile: string }; pubPort: number }): string {
  // With TLS, subscribers use the TLS port and the publisher a plain one on loopback (as ours publishes to Redis in the clear).
  const listen = tls
    ? `    listen 127.0.0.1:${port} ssl http2 reuseport backlog=4096;
    listen 127.0.0.1:${tls.pubPort};
${tlsDirectives(tls.cert)}`
    : `    listen 127.0.0.1:${port} reuseport backlog=4096;`;
  return `load_module ${NCHAN_MODULE};
${nginxHead(prefix, workers, nofile)}
  server {
${listen}
    location = /sub {
      nchan_subscriber eventsource;
      nchan_channel_id bench;
      nchan_subscriber_first_message newest;
    }
    location = /pub {
      nchan_publisher;
      nchan_channel_id bench;
      nchan_message_buffer_length 100;
      nchan_message_timeout 60s;
    }
  }
}
`;
}

export async function startNchan(nofile: number, workers: number, tls = false): Promise<BenchServer> {
  const prefix = await mkdtemp(path.join(tmpdir(), 'ms-bench-nchan-'));
  // Also after Ctrl-C or a failure mid-scenario.
  onCleanup(() => rm(prefix, { recursive: true, force: true }));
  await mkdir(path.join(prefix, 'tmp'), { recursive: true });
  const port = await freePort();
  const pubPort = tls ? await freePort() : port;
  const conf = path.join(prefix, 'nginx.conf');
  await writeFile(conf, nchanConfig(prefix, port, nofile, workers, tls ? { cert: await makeBenchCert(prefix), pubPort } : undefined));
  const proc = spawnLimited('nginx', [NGINX_BIN, '-p', prefix, '-c', conf, '-e', path.join(prefix, 'error.log'), '-g', 'daemon off;'], {
    env: { PATH: process.env['PATH'] ?? '' },
    nofile,
  });
  try {
    await waitUntil('listening port', () => portOpen(port), proc);
    await waitUntil(`${workers} workers`, () => Promise.resolve(childPids(proc.pid).length >= workers), proc);
  } catch (error) {
    await proc.stop('SIGKILL');
    await rm(prefix, { recursive: true, force: true });
    throw error;
  }
  const sink = httpSink(`http://127.0.0.1:${pubPort}/pub`);
  return {
    kind: 'nchan',
    description: `nginx + nchan, master (pid ${proc.pid}) + ${workers} workers, port ${port}${tls ? ' (TLS, HTTP/1.1 by ALPN)' : ''}`,
    targets: [{ host: '127.0.0.1', port, path: '/sub', headers: {}, tls }],
    readyOn: 'headers',
    sink,
    pids: () => [proc.pid, ...childPids(proc.pid)],
    sidePids: () => [],
    stop: async () => {
      sink.close();
      // SIGTERM is nginx's fast shutdown; the group is killed after the grace period in any case.
      await proc.stop('SIGTERM', 5000);
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
