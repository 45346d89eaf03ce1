import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Structured JSON logs with the service name on every line; level from LOG_LEVEL. */
export function createLogger(service: string, level = process.env['LOG_LEVEL'] || 'info'): Logger {
  return pino({
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password'], censor: '[redacted]' },
  });
}
