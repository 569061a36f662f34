import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { Client } from '../auth/client-context';
import type { ClientContext } from '../auth/auth.service';
import { ComplianceService } from './compliance.service';

/** What employers reach without an account: their rectification order, by the link of its e-mail. */
@ApiTags('compliance')
@Controller()
export class NoticeLinksController {
  constructor(private readonly compliance: ComplianceService) {}

  @ApiOperation({
    summary: 'The rectification order, for the employer, by the signed link of the notice e-mail',
    description:
      'No account: the token opens this one notice, read-only, until it expires (DUBAN_NOTICE_LINK_DAYS after the notice was issued); each opening is recorded with the case. A token Duban did not sign is 404, an expired one 410.',
  })
  @ApiErrors(404, 410)
  @Public()
  @Get('notices/:token')
  @ApiProduces('text/html')
  // The token is in the address: no cache keeps the page, no link on it hands the address on.
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @Header('X-Robots-Tag', 'noindex')
  async open(@Param('token') token: string, @Client() client: ClientContext, @Res({ passthrough: true }) response: Response): Promise<string> {
    const page = await this.compliance.noticeByLink(token, client);
    response.type('text/html; charset=utf-8');
    return page;
  }
}
