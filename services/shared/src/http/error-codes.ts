/**
 * The stable codes an error body carries in `code`, each with the one HTTP status it answers with.
 * Clients switch on `code`, never on `message` (which is for people and may be reworded). Several
 * codes may share a status (`validation` and `bad-request` are both 400); the first code listed for
 * a status is the one an error raised by status alone gets.
 */
export const ERROR_STATUS = {
  'bad-request': 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'payload-too-large': 413,
  'uri-too-long': 414,
  'unsupported-media-type': 415,
  unprocessable: 422,
  'rate-limited': 429,
  'headers-too-large': 431,
  internal: 500,
  'bad-gateway': 502,
  unavailable: 503,
  'gateway-timeout': 504,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

const CODE_BY_STATUS = new Map<number, ErrorCode>();
for (const code of ERROR_CODES) if (!CODE_BY_STATUS.has(ERROR_STATUS[code])) CODE_BY_STATUS.set(ERROR_STATUS[code], code);

export function statusOfCode(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

/** The code of an error known only by its status; a status with no code of its own falls back by class. */
export function codeOfStatus(status: number): ErrorCode {
  return CODE_BY_STATUS.get(status) ?? (status >= 500 ? 'internal' : 'bad-request');
}
