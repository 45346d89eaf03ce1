import { Global, Module } from '@nestjs/common';
import { CopilotWebSockets } from './copilot-websockets.js';

/** The copilot's WebSocket server; channel modules inject `CopilotWebSockets` and `register` their channel. */
@Global()
@Module({ providers: [CopilotWebSockets], exports: [CopilotWebSockets] })
export class WsModule {}
