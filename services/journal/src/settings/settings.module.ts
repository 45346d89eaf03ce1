import { Module } from '@nestjs/common';
import { SettingsController } from './settings.controller.js';
import { SettingsService } from './settings.service.js';
import { userSettingsRepositoryProvider } from './user-settings.providers.js';

/** Settings: `/api/settings`, and the conventions analytics read from them. */
@Module({ controllers: [SettingsController], providers: [userSettingsRepositoryProvider, SettingsService], exports: [SettingsService] })
export class SettingsModule {}
