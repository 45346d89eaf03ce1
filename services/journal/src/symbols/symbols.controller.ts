import { Controller, Delete, Get, HttpCode, Inject, Post, Put } from '@nestjs/common';
import {
  createSymbolBodySchema,
  putSymbolBodySchema,
  symbolListSchema,
  symbolParamsSchema,
  symbolSchema,
  type CreateSymbolBody,
  type PutSymbolBody,
  type SymbolDto,
  type SymbolListDto,
  type SymbolParams,
  type UserDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams } from '@marketswarm/shared/nest';
import { symbolJson } from './symbol.json.js';
import { SymbolsService } from './symbols.service.js';

/** `/api/symbols`: multipliers and tick sizes, defaults and the user's overrides. */
@Controller('symbols')
export class SymbolsController {
  constructor(@Inject(SymbolsService) private readonly symbols: SymbolsService) {}

  @Get()
  @ApiRoute({ summary: 'Every symbol spec the user sees: defaults with their own overrides laid over, by symbol', responses: { 200: symbolListSchema } })
  async list(@CurrentUser() user: UserDto): Promise<SymbolListDto> {
    return { symbols: (await this.symbols.list(user.id)).map(symbolJson) };
  }

  @Post()
  @ApiRoute({ summary: 'Adds the user\'s own spec for a symbol', responses: { 201: symbolSchema }, errors: { 409: 'the user has their own spec for it already (use PUT)' } })
  async create(@CurrentUser() user: UserDto, @ZodBody(createSymbolBodySchema) body: CreateSymbolBody): Promise<SymbolDto> {
    return symbolJson(await this.symbols.create(user.id, body));
  }

  @Put(':symbol')
  @ApiRoute({ summary: 'Sets the user\'s own spec for a symbol (adds or replaces it)', responses: { 200: symbolSchema } })
  async put(@CurrentUser() user: UserDto, @ZodParams(symbolParamsSchema) params: SymbolParams, @ZodBody(putSymbolBodySchema) body: PutSymbolBody): Promise<SymbolDto> {
    return symbolJson(await this.symbols.put(user.id, params.symbol, body));
  }

  @Delete(':symbol')
  @HttpCode(204)
  @ApiRoute({ summary: 'Drops the user\'s own spec; a default symbol falls back to its default', responses: { 204: null }, errors: { 404: 'the user has no spec of their own for it' } })
  async remove(@CurrentUser() user: UserDto, @ZodParams(symbolParamsSchema) params: SymbolParams): Promise<void> {
    await this.symbols.remove(user.id, params.symbol);
  }
}
