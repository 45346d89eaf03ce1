import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { adiFilename, adiSnapshotPath, fetchAdi } from './adi-export';

const NOW = new Date(Date.UTC(2026, 0, 5, 15, 30, 7));

describe(adiFilename.name, () => {
  it("takes the server's file name, quoted or not", () => {
    expect(adiFilename('attachment; filename="adi-SPX-2026-01-05.csv"', 'csv', NOW)).toBe('adi-SPX-2026-01-05.csv');
    expect(adiFilename('attachment; filename=adi.json', 'json', NOW)).toBe('adi.json');
  });

  it('prefers the RFC 5987 form and never keeps a path', () => {
    expect(adiFilename(`attachment; filename="x.txt"; filename*=UTF-8''adi%20SPX.txt`, 'text', NOW)).toBe('adi SPX.txt');
    expect(adiFilename('attachment; filename="../../etc/passwd"', 'text', NOW)).toBe('.._.._etc_passwd');
  });

  it('names the file itself when the server did not', () => {
    expect(adiFilename(null, 'text', NOW)).toBe('adi-2026-01-05-15-30-07.txt');
    expect(adiFilename('attachment', 'csv', NOW)).toBe('adi-2026-01-05-15-30-07.csv');
  });
});

describe(fetchAdi.name, () => {
  it('asks for the format and DTE and keeps the bytes and name', async () => {
    const asked: string[] = [];
    const fake: typeof fetch = (url) => {
      asked.push(typeof url === 'string' ? url : url instanceof URL ? url.href : url.url);
      return Promise.resolve(new Response('a,b\n1,2\n', { headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="adi.csv"' } }));
    };
    const got = await fetchAdi('csv', 2, fake);
    expect(asked).toEqual([adiSnapshotPath('csv', 2)]);
    expect(asked[0]).toBe('/api/adi/snapshot?format=csv&dte=2');
    expect(got.filename).toBe('adi.csv');
    expect(await got.blob.text()).toBe('a,b\n1,2\n');
  });

  it("turns a refusal into an error with the server's message", async () => {
    const fake: typeof fetch = () => Promise.resolve(Response.json({ statusCode: 503, error: 'Service Unavailable', message: 'no market data yet' }, { status: 503 }));
    const failure = fetchAdi('json', 0, fake);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toThrow('The export failed: no market data yet');
  });
});
