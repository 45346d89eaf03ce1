/**
 * The baseline: the least a node:http SSE broadcaster can do. GET /sub keeps the response open;
 * POST /pub writes `data: <body>\n\n` to every subscriber. No auth, no ids, no replay, no
 * back-pressure handling — the floor our gateway's per-delivery cost is compared to.
 *
 * Run: PORT=4000 node bench/dist/fanout/baseline-server.js  (prints `listening <port>`)
 */
import { createServer, type ServerResponse } from 'node:http';

const subscribers = new Set<ServerResponse>();

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/sub') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.flushHeaders();
    req.socket.setNoDelay(true);
    subscribers.add(res);
    res.on('close', () => subscribers.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/pub') {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const frame = Buffer.from(`data: ${Buffer.concat(parts).toString()}\n\n`);
      for (const subscriber of subscribers) subscriber.write(frame);
      res.writeHead(204).end();
    });
    return;
  }
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`${subscribers.size}\n`);
    return;
  }
  res.writeHead(404).end();
});

server.keepAliveTimeout = 65_000;
const port = Number(process.env['PORT'] ?? 4000);
server.listen({ port, host: '127.0.0.1', backlog: 4096 }, () => process.stdout.write(`listening ${port}\n`));
process.once('SIGTERM', () => {
  for (const subscriber of subscribers) subscriber.destroy();
  server.close(() => process.exit(0));
});
