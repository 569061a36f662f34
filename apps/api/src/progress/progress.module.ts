import { Module } from '@nestjs/common';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

/** Campaign progress: targets against actuals, rankings and history (repositories come from the global PersistenceModule). */
@Module({
  controllers: [ProgressController],
  providers: [ProgressService],
})
export class ProgressModule {}
