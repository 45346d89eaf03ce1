import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@marketswarm/shared/http';
import { TagsRepository, type Tag } from './tags.repository.js';

export function tagNotFound(id: string, path = 'id'): DomainError {
  return new DomainError('not-found', `no tag ${id}`, { issues: [{ path, message: 'no such tag' }] });
}

function duplicate(name: string): DomainError {
  return new DomainError('conflict', `a tag named ${name} exists already`, { issues: [{ path: 'name', message: 'is taken by another of your tags' }] });
}

/** The rules of tags: names unique per user; another user's tag is answered as one that does not exist. */
@Injectable()
export class TagsService {
  constructor(@Inject(TagsRepository) private readonly tags: TagsRepository) {}

  list(userId: string): Promise<Tag[]> {
    return this.tags.list(userId);
  }

  async get(userId: string, id: string, path = 'id'): Promise<Tag> {
    const tag = await this.tags.get(userId, id);
    if (!tag) throw tagNotFound(id, path);
    return tag;
  }

  async create(userId: string, name: string): Promise<Tag> {
    const tag = await this.tags.create(userId, name);
    if (tag === 'duplicate') throw duplicate(name);
    return tag;
  }

  /** The user's tag of that name, created when there is none (tagging a trade by name). */
  async findOrCreate(userId: string, name: string): Promise<Tag> {
    const existing = await this.tags.getByName(userId, name);
    if (existing) return existing;
    const created = await this.tags.create(userId, name);
    if (created !== 'duplicate') return created;
    // Created meanwhile by a concurrent request.
    const raced = await this.tags.getByName(userId, name);
    if (!raced) throw duplicate(name);
    return raced;
  }

  async rename(userId: string, id: string, name: string): Promise<Tag> {
    const tag = await this.tags.rename(userId, id, name);
    if (tag === 'duplicate') throw duplicate(name);
    if (!tag) throw tagNotFound(id);
    return tag;
  }

  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.tags.remove(userId, id))) throw tagNotFound(id);
  }
}
