import { componentPort } from '@marketswarm/shared/config';
import type { TruthDoc } from '@marketswarm/shared/truth';

/** The journal's secret the internal API checks (journal.json `secrets`, env MS_INTERNAL_TOKEN at load-truth). */
export const JOURNAL_INTERNAL_TOKEN_SECRET = 'internalToken';
/** Overrides the journal's address from truth: tests run the journal on a free port. */
export const JOURNAL_URL_ENV = 'MS_JOURNAL_URL';

export interface JournalAddress {
  url: string;
  token: string | undefined;
}

/**
 * Where the journal listens and the token its internal API wants, read from truth at each call:
 * a reloaded truth with a new token applies without a restart. `MS_JOURNAL_URL`, else the journal
 * component's listen host and port (its port env override included, as `./admin up` sets it).
 */
export function journalAddressOf(doc: TruthDoc, env: Readonly<Record<string, string | undefined>>): JournalAddress {
  const token = doc.secrets['journal']?.[JOURNAL_INTERNAL_TOKEN_SECRET];
  const override = env[JOURNAL_URL_ENV];
  if (override) return { url: override.replace(/\/+$/, ''), token };
  const journal = doc.components['journal'];
  const port = journal ? componentPort(journal, env) : undefined;
  if (!journal?.listen || port === undefined) throw new Error(`truth has no listening journal component; set ${JOURNAL_URL_ENV}`);
  return { url: `http://${journal.listen.host}:${port}`, token };
}
