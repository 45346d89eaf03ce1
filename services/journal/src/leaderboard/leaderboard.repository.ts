import type { Kysely } from 'kysely';
import type { EpochMs, JournalDb, LeaderboardProfileRow } from '../database/journal-db.js';
import { isUniqueViolation } from '../database/unique-violation.js';

export interface LeaderboardProfile {
  userId: string;
  displayName: string;
  optIn: boolean;
}

/** All SQL on `leaderboard_profiles`; display names are unique case-insensitively (the database holds that rule). */
export class LeaderboardRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  async get(userId: string): Promise<LeaderboardProfile | undefined> {
    const row = await this.db.selectFrom('leaderboard_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return row && toProfile(row);
  }

  /** Creates or replaces the user's profile; `duplicate` when another trader holds the name. */
  async put(userId: string, profile: { displayName: string; optIn: boolean }): Promise<LeaderboardProfile | 'duplicate'> {
    const now = this.now();
    const values = { display_name: profile.displayName, display_name_key: profile.displayName.toLowerCase(), opt_in: profile.optIn ? (1 as const) : (0 as const), updated_at: now };
    try {
      const row = await this.db
        .insertInto('leaderboard_profiles')
        .values({ user_id: userId, created_at: now, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toProfile(row);
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  async optedIn(): Promise<LeaderboardProfile[]> {
    const rows = await this.db.selectFrom('leaderboard_profiles').selectAll().where('opt_in', '=', 1).orderBy('display_name_key').execute();
    return rows.map(toProfile);
  }
}

function toProfile(row: LeaderboardProfileRow): LeaderboardProfile {
  return { userId: row.user_id, displayName: row.display_name, optIn: row.opt_in === 1 };
}
