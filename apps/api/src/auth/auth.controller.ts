import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import { CurrentActor, Public } from '../common/actor.decorator';
import { DomainError, DomainErrorCode } from '@duban/domain';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { LoginDto } from './login.dto';
import { ApiErrors } from '../common/api-errors.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
  ) {}

  @ApiErrors(401, 429)
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Ip() address: string) {
    this.throttle.check(body.username, address);
    try {
      const answer = await this.auth.login(body.username, body.password);
      this.throttle.recordSuccess(body.username, address);
      return answer;
    } catch (error) {
      if (error instanceof DomainError && error.code === DomainErrorCode.InvalidCredentials) this.throttle.recordFailure(body.username, address);
      throw error;
    }
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
