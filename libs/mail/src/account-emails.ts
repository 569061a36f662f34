import { DateTime } from 'luxon';
import { DUBAN_TIME_ZONE } from '@duban/domain';
import type { RenderedEmail } from './duty-email-templates';

export interface PasswordLinkFacts {
  displayName: string;
  username: string;
  /** The one-time link: opens the console's page to set a password. */
  link: string;
  expiresAt: Date;
  /** welcome: a new account's first password; reset: an administrator's reset. */
  purpose: 'welcome' | 'reset';
}

/** The one-time link to set a password, to the user's own address. */
export function renderPasswordLinkEmail(facts: PasswordLinkFacts): RenderedEmail {
  const until = DateTime.fromJSDate(facts.expiresAt).setZone(DUBAN_TIME_ZONE).toFormat('yyyy年M月d日 HH:mm');
  const subject = facts.purpose === 'welcome' ? '【督办系统】您的账号已开通，请设置密码' : '【督办系统】请重新设置您的密码';
  const opening =
    facts.purpose === 'welcome' ? `系统管理员已为您开通督办系统账号（用户名：${facts.username}）。` : `系统管理员已为您的督办系统账号（用户名：${facts.username}）重置密码。`;
  const text = [
    `${facts.displayName}：`,
    '',
    opening,
    '请打开下面的链接设置密码（链接只能使用一次）：',
    facts.link,
    '',
    `链接在北京时间 ${until} 前有效。如非本人申请，请勿打开，并告知系统管理员。`,
    '',
    'Duban: an administrator has asked you to set the password of your account; the link above works once, until the time given.',
  ].join('\n');
  return { subject, text };
}
