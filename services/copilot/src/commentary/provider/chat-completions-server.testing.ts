import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the test server answers `POST /v1/chat/completions`. */
export type ChatServerMode = { answer: 'ok'; content: string } | { answer: 'slow'; afterMs: number } | { answer: 'status'; status: number } | { answer: 'garbage' };

export interface ChatServer {
  /** API root to configure as `baseUrl`. */
  baseUrl: string;
  mode: ChatServerMode;
  /** Every request that reached the server, in order. */
  readonly requests: Array<{ path: string; headers: IncomingHttpHeaders; body: unknown }>;
  stop(): Promise<void>;
}

/**
 * A real HTTP server on a free port standing in for an OpenAI-compatible API, for the provider
 * specs: it records what it was sent and answers as `mode` says.
 */
export async function startChatServer(mode: ChatServerMode = { answer: 'ok', content: 'Fine.' }): Promise<ChatServer> {
  const requests: ChatServer['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const state: { mode: ChatServerMode } = { mode };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      const current = state.mode;
      switch (current.answer) {
        case 'ok':
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'c1', choices: [{ index: 0, message: { role: 'assistant', content: current.content } }] }));
          return;
        case 'slow': {
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { content: 'Too late.' } }] }));
          }, current.afterMs);
          timers.add(timer);
          return;
        }
        case 'status':
          res.writeHead(current.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'upstream trouble' } }));
          return;
        case 'garbage':
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [ not json');
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get mode() {
      return state.mode;
    },
    set mode(next: ChatServerMode) {
      state.mode = next;
    },
    requests,
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
