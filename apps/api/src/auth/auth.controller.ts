import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { Me, SignInAnswer, SignOutEverywhereAnswer } from '@duban/contracts';
import { AllowedBeforePasswordChange, CurrentActor, Public } from '../common/actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthService, type SignedIn } from './auth.service';
import { Client, CurrentSignIn } from './client-context';
import { ChangePasswordDto, LoginDto, SetPasswordWithLinkDto } from './login.dto';
import type { ClientContext } from './auth.service';
import { Allow } from '../common/allow.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiOperation({
    summary: 'Sign in with a username and password',
    description:
      'The same 401 for an unknown user and a wrong password. After 5 failures for a name, 429 with Retry-After (growing); after 20, 423 until a system administrator lifts the lock. 503 with Retry-After when too many sign-ins are being checked at once.',
  })
  @ApiErrors(401, 403, 423, 429, 503)
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Client() client: ClientContext): Promise<SignInAnswer> {
    return this.auth.login(body.username, body.password, client);
  }

  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Get('me')
  @Allow('own-account.read')
  me(@CurrentActor() actor: Actor): Promise<Me> {
    return this.auth.me(actor);
  }

  @ApiOperation({
    summary: 'Change one’s own password',
    description: 'Every session of the user ends (this one too); the answer carries a new token. 400 says which rule of the policy the new password breaks.',
  })
  @ApiBearerAuth()
  @ApiErrors(400, 429, 503)
  @AllowedBeforePasswordChange()
  @Post('password')
  @Allow('own-account.change-password')
  @HttpCode(200)
  changePassword(@CurrentSignIn() signedIn: SignedIn, @Body() body: ChangePasswordDto, @Client() client: ClientContext): Promise<SignInAnswer> {
    return this.auth.changeOwnPassword(signedIn, body.currentPassword, body.newPassword, client);
  }

  @ApiOperation({
    summary: 'Set one’s password with a one-time link (mailed by a reset or a welcome)',
    description: 'The link works once and until it expires; any session of the user ends. The answer signs the user in, as POST /auth/login does.',
  })
  @ApiErrors(400, 503)
  @Public()
  @Post('password-reset')
  @HttpCode(200)
  setPasswordWithLink(@Body() body: SetPasswordWithLinkDto, @Client() client: ClientContext): Promise<SignInAnswer> {
    return this.auth.setPasswordWithLink(body.token, body.newPassword, client);
  }

  @ApiOperation({ summary: 'Sign out: this token stops working at once' })
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('logout')
  @Allow('own-session.end')
  @HttpCode(204)
  async logout(@CurrentSignIn() signedIn: SignedIn, @Client() client: ClientContext): Promise<void> {
    await this.auth.signOut(signedIn, client);
  }

  @ApiOperation({ summary: 'Sign out everywhere: every token of this user stops working, this one too' })
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('logout-everywhere')
  @Allow('own-session.end')
  @HttpCode(200)
  logoutEverywhere(@CurrentSignIn() signedIn: SignedIn, @Client() client: ClientContext): Promise<SignOutEverywhereAnswer> {
    return this.auth.signOutEverywhere(signedIn, client);
  }
}
