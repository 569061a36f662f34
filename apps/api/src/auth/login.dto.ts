import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import type { ChangePasswordBody, LoginBody, SetPasswordWithLinkBody } from '@duban/contracts';

export class LoginDto implements LoginBody {
  @ApiProperty({ example: 'office' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'duban-dev-password' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordBody {
  @ApiProperty({ description: 'The password (or one-time password) signed in with' })
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ description: 'At least 12 characters, not the username, not a common password', example: '冬季扩面-核查2026!' })
  @IsString()
  @Length(1, 400)
  newPassword: string;
}

export class SetPasswordWithLinkDto implements SetPasswordWithLinkBody {
  @ApiProperty({ description: 'The token of the one-time link (what follows #token= in the mailed link)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token is not the token of a password link' })
  token: string;

  @ApiProperty({ description: 'At least 12 characters, not the username, not a common password', example: '冬季扩面-核查2026!' })
  @IsString()
  @Length(1, 400)
  newPassword: string;
}
