import { Module } from '@nestjs/common';
import { SymbolsController } from './symbols.controller.js';
import { symbolsRepositoryProvider } from './symbols.providers.js';
import { SymbolsService } from './symbols.service.js';

/** Symbols: `/api/symbols`. */
@Module({ controllers: [SymbolsController], providers: [symbolsRepositoryProvider, SymbolsService] })
export class SymbolsModule {}
