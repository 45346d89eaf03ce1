import { Controller, Delete, Get, HttpCode, Inject, Patch, Post } from '@nestjs/common';
import { journalIdParamsSchema, tagBodySchema, tagListSchema, tagSchema, type JournalIdParams, type TagBody, type TagDto, type TagListDto, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams } from '@marketswarm/shared/nest';
import { tagJson } from './tag.json.js';
import { TagsService } from './tags.service.js';

const NOT_FOUND = { 404: 'no such tag (or another user\'s)' };
const TAKEN = { 409: 'the user has a tag of that name' };

/** `/api/tags`. */
@Controller('tags')
export class TagsController {
  constructor(@Inject(TagsService) private readonly tags: TagsService) {}

  @Get()
  @ApiRoute({ summary: 'The user\'s tags by name', responses: { 200: tagListSchema } })
  async list(@CurrentUser() user: UserDto): Promise<TagListDto> {
    return { tags: (await this.tags.list(user.id)).map(tagJson) };
  }

  @Post()
  @ApiRoute({ summary: 'Creates a tag', responses: { 201: tagSchema }, errors: TAKEN })
  async create(@CurrentUser() user: UserDto, @ZodBody(tagBodySchema) body: TagBody): Promise<TagDto> {
    return tagJson(await this.tags.create(user.id, body.name));
  }

  @Patch(':id')
  @ApiRoute({ summary: 'Renames a tag (on every trade that has it)', responses: { 200: tagSchema }, errors: { ...NOT_FOUND, ...TAKEN } })
  async rename(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(tagBodySchema) body: TagBody): Promise<TagDto> {
    return tagJson(await this.tags.rename(user.id, params.id, body.name));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Deletes a tag and removes it from every trade', responses: { 204: null }, errors: NOT_FOUND })
  async remove(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<void> {
    await this.tags.remove(user.id, params.id);
  }
}
