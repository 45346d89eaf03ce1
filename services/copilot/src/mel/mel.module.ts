import { Module } from '@nestjs/common';
import { MelChannel } from './mel.channel.js';
import { MelController } from './mel.controller.js';
import { MelService } from './mel.service.js';

/**
 * Model effectiveness: MelService (the cycle and the history), `/api/mel/*` and `/ws/mel`. Needs
 * MarketModule (the market reader) and WsModule (the WebSocket server) imported by the root.
 */
@Module({ providers: [MelService, MelChannel], controllers: [MelController], exports: [MelService] })
export class MelModule {}
