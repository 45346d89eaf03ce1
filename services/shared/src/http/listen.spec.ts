import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { boundPort, closeServer, listen } from './listen.js';

describe(boundPort.name, () => {
  it('is the port the system picked for a server listening on port 0, and null before it listens', async () => {
    expect(boundPort(createServer())).toBeNull();
    const server = await listen((_req, res) => res.end(), 0, '127.0.0.1');
    try {
      const port = boundPort(server);
      expect(port).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    } finally {
      await closeServer(server);
    }
  });
});
