import { Inject, Injectable } from '@nestjs/common';
import type { PromptAlertDto, PromptAlertRule, UserDto } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { assertBelowAlertLimit } from '../alerts/alert-limit.js';
import { AlertLimits } from '../alerts/alert-limits.js';
import { AlertSyncPublisher } from '../alerts/alert-sync.publisher.js';
import { parsePromptAlert } from './grammar/parse-prompt-alert.js';
import { promptAlertJson } from './prompt-alert.json.js';
import { PromptAlertsRepository } from './prompt-alerts.repository.js';

export function promptAlertNotFound(id: string): DomainError {
  return new DomainError('not-found', `no prompt alert ${id}`, { issues: [{ path: 'id', message: 'no such prompt alert' }] });
}

/**
 * The rules of prompt alerts: the sentence must be read by the grammar (422 naming where it could
 * not); the stored rule is the one read at creation. No language model rephrases or guesses: that
 * optional step does not exist (docs/API.md).
 */
@Injectable()
export class PromptAlertsService {
  constructor(
    @Inject(PromptAlertsRepository) private readonly prompts: PromptAlertsRepository,
    @Inject(AlertSyncPublisher) private readonly sync: AlertSyncPublisher,
    @Inject(AlertLimits) private readonly limits: AlertLimits,
  ) {}

  parse(text: string): PromptAlertRule {
    const parsed = parsePromptAlert(text);
    if (!parsed.ok) throw new DomainError('unprocessable', 'the sentence is not one the alert grammar reads', { issues: [{ path: 'text', message: parsed.message }] });
    return parsed.rule;
  }

  async list(userId: string): Promise<PromptAlertDto[]> {
    return (await this.prompts.list(userId)).map(promptAlertJson);
  }

  async get(userId: string, id: string): Promise<PromptAlertDto> {
    const row = await this.prompts.get(userId, id);
    if (!row) throw promptAlertNotFound(id);
    return promptAlertJson(row);
  }

  /** Refused with 429 once the user has as many prompt alerts as their role may have (see AlertsService.create on the count). */
  async create(user: Pick<UserDto, 'id' | 'role'>, text: string): Promise<PromptAlertDto> {
    const userId = user.id;
    assertBelowAlertLimit('promptAlerts', user.role, await this.prompts.count(userId), this.limits.of(user.role, 'promptAlerts'));
    const prompt = promptAlertJson(await this.prompts.create(userId, text, this.parse(text)));
    await this.sync.publish({ user: userId, entity: 'prompt-alert', id: prompt.id, change: 'created' });
    return prompt;
  }

  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.prompts.remove(userId, id))) throw promptAlertNotFound(id);
    await this.sync.publish({ user: userId, entity: 'prompt-alert', id, change: 'deleted' });
  }
}
