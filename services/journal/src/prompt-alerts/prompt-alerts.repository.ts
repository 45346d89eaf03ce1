import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { promptAlertStages, type PromptAlertRule, type PromptAlertStage } from '@marketswarm/shared/dto';
import type { EpochMs, JournalDb, PromptAlertRow } from '../database/journal-db.js';

/** What setting a stage did: refused (accomplished is final; otherwise a stage moves only forward), or the prompt alert after it. */
export type StageOutcome = { refused: 'accomplished' | 'not-forward'; row: PromptAlertRow } | { row: PromptAlertRow };

/** All SQL on `prompt_alerts`, scoped by user except for the evaluator's own reads and writes. */
export class PromptAlertsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  list(userId: string): Promise<PromptAlertRow[]> {
    return this.db.selectFrom('prompt_alerts').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
  }

  /** How many prompt alerts the user has stored, enabled or not. */
  async count(userId: string): Promise<number> {
    const row = await this.db.selectFrom('prompt_alerts').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    return Number(row.n);
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

  /**
   * Moves a prompt alert forward to `stage` (watching → warning → accomplished; accomplished is
   * final) with one conditional update, so of two evaluators reporting the same change only one
   * moves it: the other waits for the row's write lock and then finds it no longer behind `stage`.
   * Only when nothing moved is the row read, to say why.
   */
  async setStage(id: string, stage: PromptAlertStage, at: EpochMs): Promise<StageOutcome | undefined> {
    const behind = promptAlertStages.slice(0, promptAlertStages.indexOf(stage));
    if (behind.length > 0) {
      const moved = await this.db.updateTable('prompt_alerts').set({ stage, stage_changed_at: at, updated_at: this.now() }).where('id', '=', id).where('stage', 'in', behind).returningAll().executeTakeFirst();
      if (moved) return { row: moved };
    }
    const row = await this.db.selectFrom('prompt_alerts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return { refused: row.stage === 'accomplished' ? 'accomplished' : 'not-forward', row };
  }
}
