import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { chooseCoding, CODING_SUFFIX, CODINGS, type ContentCoding } from './content-coding.js';
import { fileInsideRoot } from './request-path.js';

/**
 * Serves the build's `.br`/`.gz` sibling of a file when the client accepts it: sets Content-Encoding,
 * the Content-Type of the original file and `Vary: Accept-Encoding`, then rewrites the URL to the
 * variant so the static handler after it streams it with its usual ETag, ranges and 304s.
 */
export function precompressed(root: string): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = fileInsideRoot(root, req.path);
    if (!file) return next();
    availableCodings(file).then((available) => {
      if (available.length === 0) return next();
      res.vary('Accept-Encoding');
      const coding = chooseCoding(req.get('accept-encoding'), available);
      if (coding) {
        res.setHeader('Content-Encoding', coding);
        res.type(path.extname(file) || 'application/octet-stream');
        req.url = `${req.path}${CODING_SUFFIX[coding]}`;
      }
      next();
    }, next);
  };
}

async function availableCodings(file: string): Promise<ContentCoding[]> {
  const found = await Promise.all(
    CODINGS.map((coding) =>
      stat(file + CODING_SUFFIX[coding]).then(
        (s) => (s.isFile() ? coding : null),
        () => null,
      ),
    ),
  );
  return found.filter((c): c is ContentCoding => c !== null);
}

/** A variant that vanished between the stat and the read must not leave its Content-Encoding on the 404. */
export const forgetCodingOnMiss: RequestHandler = (_req, res, next) => {
  res.removeHeader('Content-Encoding');
  next();
};

export const forgetCodingOnError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  res.removeHeader('Content-Encoding');
  next(error);
};
