import { execFile } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDevCert, opensslArgs } from './dev-cert.js';

const DAY_MS = 24 * 60 * 60 * 1000;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ms-dev-cert-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(ensureDevCert.name, () => {
  it('creates a self-signed P-256 certificate for localhost, 127.0.0.1 and ::1 with a 0600 key', async () => {
    const result = await ensureDevCert(dir);
    expect(result.created).toBe(true);
    const cert = new X509Certificate(await readFile(result.certFile));
    expect(cert.subject).toBe('CN=localhost');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const lifetimeDays = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / DAY_MS;
    expect(lifetimeDays).toBeCloseTo(365, 0);
    expect(cert.checkPrivateKey(createPrivateKey(await readFile(result.keyFile)))).toBe(true);
    expect((await stat(result.keyFile)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).sort()).toEqual([path.basename(result.certFile), path.basename(result.keyFile)].sort());
  });

  it('keeps a valid certificate on the next call', async () => {
    const first = await ensureDevCert(dir);
    const before = await readFile(first.certFile);
    const second = await ensureDevCert(dir);
    expect(second).toEqual({ ...first, created: false });
    expect(await readFile(second.certFile)).toEqual(before);
  });

  it('creates a new certificate when forced', async () => {
    const first = await ensureDevCert(dir);
    const before = await readFile(first.certFile, 'utf8');
    const forced = await ensureDevCert(dir, { force: true });
    expect(forced.created).toBe(true);
    expect(await readFile(forced.certFile, 'utf8')).not.toBe(before);
  });

  it('replaces a certificate that expires within 7 days', async () => {
    const { certFile, keyFile } = await ensureDevCert(dir);
    await promisify(execFile)('openssl', opensslArgs(certFile, keyFile, 6));
    expect(Date.parse(new X509Certificate(await readFile(certFile)).validTo) - Date.now()).toBeLessThan(7 * DAY_MS);

    const renewed = await ensureDevCert(dir);
    expect(renewed.created).toBe(true);
    expect(Date.parse(new X509Certificate(await readFile(certFile)).validTo) - Date.now()).toBeGreaterThan(300 * DAY_MS);
  });

  it('replaces a certificate whose key does not belong to it', async () => {
    const { keyFile } = await ensureDevCert(dir);
    const other = await mkdtemp(path.join(tmpdir(), 'ms-dev-cert-other-'));
    try {
      const foreign = await ensureDevCert(other);
      await copyFile(foreign.keyFile, keyFile);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
    expect((await ensureDevCert(dir)).created).toBe(true);
  });

  it('says so clearly when openssl is missing', async () => {
    const savedPath = process.env['PATH'];
    process.env['PATH'] = dir;
    try {
      await expect(ensureDevCert(dir)).rejects.toThrow(/openssl was not found on PATH/);
    } finally {
      process.env['PATH'] = savedPath;
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
