import { Controller, Get, Inject, Put } from '@nestjs/common';
import { anySettingBodySchema, journalSettingsSchema, settingParamsSchema, settingSchema, type JournalSettingsDto, type SettingDto, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams } from '@marketswarm/shared/nest';
import { SettingsService } from './settings.service.js';

const UNKNOWN_KEY = { 404: 'no setting of that name (issues name `key`)' };

/** `/api/settings`. */
@Controller('settings')
export class SettingsController {
  constructor(@Inject(SettingsService) private readonly settings: SettingsService) {}

  @Get()
  @ApiRoute({ summary: 'Every journal setting, the user\'s value or the default', responses: { 200: journalSettingsSchema } })
  all(@CurrentUser() user: UserDto): Promise<JournalSettingsDto> {
    return this.settings.all(user.id);
  }

  @Get(':key')
  @ApiRoute({ summary: 'One setting and whether it is still the default', responses: { 200: settingSchema }, errors: UNKNOWN_KEY })
  get(@CurrentUser() user: UserDto, @ZodParams(settingParamsSchema) params: { key: string }): Promise<SettingDto> {
    return this.settings.get(user.id, params.key);
  }

  @Put(':key')
  @ApiRoute({ summary: 'Sets one setting: costBasis "fifo"|"average", breakevenTolerance dollars ≥ 0, timeZone an IANA zone', responses: { 200: settingSchema }, errors: UNKNOWN_KEY })
  put(@CurrentUser() user: UserDto, @ZodParams(settingParamsSchema) params: { key: string }, @ZodBody(anySettingBodySchema) body: unknown): Promise<SettingDto> {
    return this.settings.put(user.id, params.key, body);
  }
}
