import { Inject, Injectable } from '@nestjs/common';
import type { PromptAlertDto, PromptAlertRule } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
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

  async create(userId: string, text: string): Promise<PromptAlertDto> {
    const prompt = promptAlertJson(await this.prompts.create(userId, text, this.parse(text)));
    await this.sync.publish({ user: userId, entity: 'prompt-alert', id: prompt.id, change: 'created' });
    return prompt;
  }

  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.prompts.remove(userId, id))) throw promptAlertNotFound(id);
    await this.sync.publish({ user: userId, entity: 'prompt-alert', id, change: 'deleted' });
  }
}
