import { Inject, Injectable } from '@nestjs/common';
import { JOURNAL_SETTINGS, JOURNAL_SETTING_KEYS, isJournalSettingKey, settingBodySchema, type JournalSettingsDto, type SettingDto } from '@marketswarm/shared/dto';
import { parseInput } from '@marketswarm/shared/edge';
import { DomainError } from '@marketswarm/shared/http';
import { toMinor } from '@marketswarm/shared/journal';
import { UserSettingsRepository } from './user-settings.repository.js';

/** What analytics take from the settings. */
export interface SettingsConventions {
  breakevenToleranceMinor: number;
  timeZone: string;
}

function unknownKey(key: string): DomainError {
  return new DomainError('not-found', `no setting named ${key}; the settings are ${JOURNAL_SETTING_KEYS.join(', ')}`, { issues: [{ path: 'key', message: `no setting named ${key}` }] });
}

/**
 * Journal settings: a fixed set of keys, each validated by its own schema (JOURNAL_SETTINGS), the
 * default answered until the user sets one. A stored value the schema no longer accepts (a key's
 * rules tightened) reads as the default rather than failing every request that needs it.
 */
@Injectable()
export class SettingsService {
  constructor(@Inject(UserSettingsRepository) private readonly settings: UserSettingsRepository) {}

  async all(userId: string): Promise<JournalSettingsDto> {
    const stored = await this.settings.all(userId);
    return {
      costBasis: JOURNAL_SETTINGS.costBasis.schema.catch(JOURNAL_SETTINGS.costBasis.default).parse(stored['costBasis']),
      breakevenTolerance: JOURNAL_SETTINGS.breakevenTolerance.schema.catch(JOURNAL_SETTINGS.breakevenTolerance.default).parse(stored['breakevenTolerance']),
      timeZone: JOURNAL_SETTINGS.timeZone.schema.catch(JOURNAL_SETTINGS.timeZone.default).parse(stored['timeZone']),
    };
  }

  async get(userId: string, key: string): Promise<SettingDto> {
    if (!isJournalSettingKey(key)) throw unknownKey(key);
    const stored = await this.settings.get(userId, key);
    const parsed = JOURNAL_SETTINGS[key].schema.safeParse(stored);
    return parsed.success && stored !== undefined ? { key, value: parsed.data, isDefault: false } : { key, value: JOURNAL_SETTINGS[key].default, isDefault: true };
  }

  /** `body` is `{ value }`, checked against the key's own schema: a 400 names `value`. */
  async put(userId: string, key: string, body: unknown): Promise<SettingDto> {
    if (!isJournalSettingKey(key)) throw unknownKey(key);
    const { value } = parseInput(settingBodySchema(key), body, 'body');
    await this.settings.put(userId, key, value);
    return { key, value, isDefault: false };
  }

  async conventions(userId: string): Promise<SettingsConventions> {
    const all = await this.all(userId);
    return { breakevenToleranceMinor: toMinor(String(all.breakevenTolerance)), timeZone: all.timeZone };
  }
}
