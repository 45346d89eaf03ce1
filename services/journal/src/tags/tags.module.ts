import { Module } from '@nestjs/common';
import { TagsController } from './tags.controller.js';
import { tagsRepositoryProvider } from './tags.providers.js';
import { TagsService } from './tags.service.js';

/** Tags: `/api/tags` and the service trades use to tag by id or name. */
@Module({
  controllers: [TagsController],
  providers: [tagsRepositoryProvider, TagsService],
  exports: [TagsService],
})
export class TagsModule {}
