import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@marketswarm/shared/dto';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import { journalSettings, type JournalSettings } from '@marketswarm/shared/truth';
import type { AlertLimitKind } from './alert-limit.js';

/**
 * The limits of `journal.settings.alertLimits`, read at each call: the setting is live, so a
 * reloaded truth applies to the next create without a restart.
 */
@Injectable()
export class AlertLimits {
  private readonly settings: JournalSettings;

  constructor(@Inject(SERVICE_CONTEXT) ctx: ServiceContext) {
    this.settings = ctx.settings.of(journalSettings).settings;
  }

  of(role: Role, what: AlertLimitKind): number {
    return this.settings.alertLimits[role][what];
  }
}
