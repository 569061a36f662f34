import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Health } from '@duban/contracts';
import { Public } from '../common/actor.decorator';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientProvider,
  ) {}

  /** 200 when PostgreSQL and Temporal both answer, 503 naming the one that does not. */
  @Public()
  @Get()
  async check(): Promise<Health> {
    const [database, temporal] = await Promise.all([
      this.dataSource.query('SELECT 1').then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      this.temporal
        .get()
        .then((client) => client.workflowService.getSystemInfo({}))
        .then(
          () => 'up' as const,
          () => 'down' as const,
        ),
    ]);
    const body: Health = { status: database === 'up' && temporal === 'up' ? 'ok' : 'degraded', database, temporal };
    if (body.status !== 'ok') throw new ServiceUnavailableException(body);
    return body;
  }
}
