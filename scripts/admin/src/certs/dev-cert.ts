import { execFile } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const DEV_CERT_FILE = 'localhost.crt';
export const DEV_KEY_FILE = 'localhost.key';

/** A certificate that expires within this window is replaced. */
export const RENEW_BEFORE_MS = 7 * 24 * 60 * 60 * 1000;

export interface DevCert {
  certFile: string;
  keyFile: string;
  created: boolean;
}

/**
 * Makes sure `<dir>` holds a self-signed P-256 certificate for localhost, 127.0.0.1 and ::1 with its
 * key (mode 0600). Keeps a current one; creates a new one when it is missing, unreadable, does not
 * match its key or the local names, expires within 7 days, or `force` is set.
 */
export async function ensureDevCert(dir: string, options: { force?: boolean } = {}): Promise<DevCert> {
  const certFile = path.join(path.resolve(dir), DEV_CERT_FILE);
  const keyFile = path.join(path.resolve(dir), DEV_KEY_FILE);
  await mkdir(path.dirname(certFile), { recursive: true });
  if (!options.force && (await isUsable(certFile, keyFile, Date.now()))) {
    await restrictKey(keyFile);
    return { certFile, keyFile, created: false };
  }
  // Generate in a private (0700) folder beside the target, then move into place: the key is never
  // readable by others, and a failed run leaves the previous pair untouched.
  const work = await mkdtemp(path.join(path.dirname(certFile), '.dev-cert-'));
  try {
    const newCert = path.join(work, DEV_CERT_FILE);
    const newKey = path.join(work, DEV_KEY_FILE);
    await runOpenssl(opensslArgs(newCert, newKey));
    await chmod(newKey, 0o600);
    await rename(newKey, keyFile);
    await rename(newCert, certFile);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { certFile, keyFile, created: true };
}

/** The exact `openssl req` invocation (no shell: each argument is passed as is). */
export function opensslArgs(certFile: string, keyFile: string, days = 365): string[] {
  return [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    String(days),
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ];
}

async function runOpenssl(args: string[]): Promise<void> {
  try {
    await execFileAsync('openssl', args, { timeout: 30_000 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error('openssl was not found on PATH; it is needed to create the dev TLS certificate (Debian: apt-get install -y openssl)', { cause: error });
    }
    throw new Error(`openssl could not create the dev TLS certificate: ${(e.stderr ?? '').trim() || e.message}`, { cause: error });
  }
}

async function isUsable(certFile: string, keyFile: string, now: number): Promise<boolean> {
  try {
    const cert = new X509Certificate(await readFile(certFile));
    const key = createPrivateKey(await readFile(keyFile));
    return (
      Date.parse(cert.validFrom) <= now &&
      Date.parse(cert.validTo) - now > RENEW_BEFORE_MS &&
      cert.checkPrivateKey(key) &&
      cert.checkHost('localhost') !== undefined &&
      cert.checkIP('127.0.0.1') !== undefined
    );
  } catch {
    // Missing, unreadable or not PEM: make a new one.
    return false;
  }
}

async function restrictKey(keyFile: string): Promise<void> {
  if (((await stat(keyFile)).mode & 0o077) !== 0) await chmod(keyFile, 0o600);
}
