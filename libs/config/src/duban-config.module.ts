import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { DubanConfig } from './duban-config';

/** Injection token for the validated configuration. */
export const DUBAN_CONFIG = Symbol('DUBAN_CONFIG');

@Global()
@Module({})
export class DubanConfigModule {
  static forRoot(config: DubanConfig): DynamicModule {
    return { module: DubanConfigModule, providers: [{ provide: DUBAN_CONFIG, useValue: config }], exports: [DUBAN_CONFIG] };
  }
}
