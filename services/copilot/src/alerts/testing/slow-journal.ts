import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowJournal {
  url: string;
  close(): Promise<void>;
}

/**
 * A real HTTP server in front of the real journal that holds back the answers `slow` picks by
 * `delayMs` (calling `onSlow` as each arrives) and passes everything else straight through: a journal that is slow to list alerts
 * (a large book) without building one.
 */
export async function startSlowJournal(target: string, slow: (req: IncomingMessage) => boolean, delayMs: number, onSlow: () => void = () => undefined): Promise<SlowJournal> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const forward = async () => {
        if (slow(req)) {
          onSlow();
          await new Promise((r) => setTimeout(r, delayMs));
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers[name] = value;
        const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers, ...(body !== undefined && { body }) });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      };
      forward().catch(() => {
        res.writeHead(502);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
