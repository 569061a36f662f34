import { Controller, Get, HttpCode, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../common/actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import type { ClientContext } from './auth.service';
import { Client } from './client-context';
import { OidcService, SSO_ATTEMPT_SECONDS, SSO_COOKIE_PATH, SSO_STATE_COOKIE, stateFromCookie } from './oidc.service';
import type { OidcSettings } from '@duban/contracts';

export class OidcLoginQuery {
  /** Where the console opens after signing in: a path inside /console. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  returnTo?: string;
}

const LOCATION = { Location: { description: 'Where the browser goes next', schema: { type: 'string' } } };

/**
 * Single sign-on through the unified identity platform (统一身份认证, OpenID Connect). The
 * console reads GET /auth/oidc to offer the button; the browser goes to /auth/oidc/login, the
 * provider, and back to /auth/oidc/callback, which sends it to the console with a token in the
 * URL's fragment (never sent to a server, so never in a log).
 */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  @ApiOperation({ summary: 'Whether single sign-on is offered, where its button leads and what it says' })
  @Public()
  @Get()
  settings(): OidcSettings {
    return this.oidc.settings();
  }

  @ApiOperation({
    summary: 'Sign in through the unified identity platform: a redirect to the provider',
    description:
      'Sets a short-lived HttpOnly cookie tying the callback to this browser. `returnTo` must be a path inside /console (400 otherwise). 404 when single sign-on is not configured; 429 with Retry-After when one client address has 200 attempts open; 503 with Retry-After while the provider does not answer.',
  })
  @ApiResponse({ status: 302, description: 'To the provider’s authorization endpoint (state, nonce, PKCE)', headers: LOCATION })
  @ApiErrors(404, 429)
  @Public()
  @HttpCode(302)
  @Get('login')
  async login(@Query() query: OidcLoginQuery, @Client() client: ClientContext, @Res() response: Response): Promise<void> {
    const { location, state } = await this.oidc.begin(query.returnTo, client);
    response.cookie(SSO_STATE_COOKIE, state, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.oidc.secureCookie,
      path: SSO_COOKIE_PATH,
      maxAge: SSO_ATTEMPT_SECONDS * 1000,
    });
    response.setHeader('cache-control', 'no-store');
    response.redirect(302, location);
  }

  @ApiOperation({
    summary: 'Where the provider sends the browser back',
    description:
      'On success a redirect to /console/sso#accessToken=…&expiresIn=…&returnTo=…; on refusal to /console/login?ssoError=unknown_user|deactivated|state_mismatch|provider_error (audited as sign_in.failed with its cause). A callback is used once: a replay is refused. 400 for parameters no provider sends (repeated, oversized, no state).',
  })
  @ApiQuery({ name: 'state', required: true, type: String })
  @ApiQuery({ name: 'code', required: false, type: String })
  @ApiQuery({ name: 'error', required: false, type: String })
  @ApiResponse({ status: 302, description: 'To the console: signed in (token in the fragment) or refused (ssoError)', headers: LOCATION })
  @ApiErrors(404)
  @Public()
  @HttpCode(302)
  @Get('callback')
  async callback(@Req() request: Request, @Client() client: ClientContext, @Res() response: Response): Promise<void> {
    const parameters = this.oidc.callbackParameters(request.query as Record<string, unknown>);
    const location = await this.oidc.complete(parameters, stateFromCookie(request.headers.cookie), client);
    response.clearCookie(SSO_STATE_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.oidc.secureCookie, path: SSO_COOKIE_PATH });
    response.setHeader('cache-control', 'no-store');
    // The page after the redirect must not tell the console's scripts where the token came from.
    response.setHeader('referrer-policy', 'no-referrer');
    response.redirect(302, location);
  }
}
