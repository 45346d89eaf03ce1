import type { RequestHandler } from 'express';

/** Answers with no caching: for responses about one person's session or account. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
