import { Inject, Injectable } from '@nestjs/common';
import type { GenericCsvMapping, ImportMappingBody } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { ImportMappingsRepository, type ImportMapping } from './import-mappings.repository.js';

export function mappingNotFound(id: string, path = 'id'): DomainError {
  return new DomainError('not-found', `no import mapping ${id}`, { issues: [{ path, message: 'no such import mapping' }] });
}

function duplicate(name: string): DomainError {
  return new DomainError('conflict', `an import mapping named ${name} exists already`, { issues: [{ path: 'name', message: 'is taken by another of your mappings' }] });
}

/** Saved generic CSV mappings: names unique per user; another user's mapping does not exist. */
@Injectable()
export class ImportMappingsService {
  constructor(@Inject(ImportMappingsRepository) private readonly mappings: ImportMappingsRepository) {}

  list(userId: string): Promise<ImportMapping[]> {
    return this.mappings.list(userId);
  }

  async get(userId: string, id: string, path = 'id'): Promise<ImportMapping> {
    const mapping = await this.mappings.get(userId, id);
    if (!mapping) throw mappingNotFound(id, path);
    return mapping;
  }

  /** The mapping an import reads a generic CSV through: the one sent inline, else the saved one named. */
  async resolve(userId: string, inline: GenericCsvMapping | undefined, id: string | undefined): Promise<GenericCsvMapping | undefined> {
    if (inline) return inline;
    return id === undefined ? undefined : (await this.get(userId, id, 'mappingId')).mapping;
  }

  async create(userId: string, body: ImportMappingBody): Promise<ImportMapping> {
    const created = await this.mappings.create(userId, body.name, body.mapping);
    if (created === 'duplicate') throw duplicate(body.name);
    return created;
  }

  async replace(userId: string, id: string, body: ImportMappingBody): Promise<ImportMapping> {
    const replaced = await this.mappings.replace(userId, id, body.name, body.mapping);
    if (replaced === 'duplicate') throw duplicate(body.name);
    if (!replaced) throw mappingNotFound(id);
    return replaced;
  }

  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.mappings.remove(userId, id))) throw mappingNotFound(id);
  }
}
