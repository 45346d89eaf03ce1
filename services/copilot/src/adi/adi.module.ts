import { Module } from '@nestjs/common';
import { MelModule } from '../mel/mel.module.js';
import { AdiController } from './adi.controller.js';
import { AdiService } from './adi.service.js';

/**
 * `/api/adi/*`: the snapshot in JSON, CSV and text, one section of it, and its JSON schema. Reads
 * the market through MarketModule's reader and the user's book through BookModule's (both global,
 * imported by the root); imports MelModule for the DTE's MEL snapshot.
 */
@Module({ imports: [MelModule], providers: [AdiService], controllers: [AdiController] })
export class AdiModule {}
