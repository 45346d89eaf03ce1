import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PromptAlertRule, PromptAlertStage } from '@marketswarm/shared/dto';
import type { EpochMs, JournalDb, PromptAlertRow } from '../database/journal-db.js';

/** What setting a stage did: refused once accomplished, or the prompt alert after it. */
export type StageOutcome = { refused: 'accomplished'; row: PromptAlertRow } | { row: PromptAlertRow };

/** All SQL on `prompt_alerts`, scoped by user except for the evaluator's own reads and writes. */
export class PromptAlertsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  list(userId: string): Promise<PromptAlertRow[]> {
    return this.db.selectFrom('prompt_alerts').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
  }

  get(userId: string, id: string): Promise<PromptAlertRow | undefined> {
    return this.db.selectFrom('prompt_alerts').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  }

  create(userId: string, text: string, rule: PromptAlertRule): Promise<PromptAlertRow> {
    const now = this.now();
    return this.db
      .insertInto('prompt_alerts')
      .values({ id: randomUUID(), user_id: userId, text, rule: JSON.stringify(rule), stage: 'watching', stage_changed_at: null, enabled: 1, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async remove(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('prompt_alerts').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** The evaluator's read: enabled prompt alerts by id after `cursor`, of one user or of everyone. */
  enabledPage(options: { userId?: string | undefined; cursor?: string | undefined; limit: number }): Promise<PromptAlertRow[]> {
    let query = this.db.selectFrom('prompt_alerts').selectAll().where('enabled', '=', 1);
    if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
    if (options.cursor !== undefined) query = query.where('id', '>', options.cursor);
    return query.orderBy('id').limit(options.limit).execute();
  }

  /** Moves a prompt alert to `stage`; `accomplished` is final (refused afterwards), in one transaction. */
  setStage(id: string, stage: PromptAlertStage, at: EpochMs): Promise<StageOutcome | undefined> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('prompt_alerts').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      if (row.stage === 'accomplished') return { refused: 'accomplished' as const, row };
      if (row.stage === stage) return { row };
      const updated = await tx.updateTable('prompt_alerts').set({ stage, stage_changed_at: at, updated_at: this.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      return { row: updated };
    });
  }
}
