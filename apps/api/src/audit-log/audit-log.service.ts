import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertMay, type Actor } from '@duban/domain';
import type { AuditLogPage } from '@duban/contracts';
import { AuditLogRepository } from '@duban/persistence';
import { assertExportable, exportPage, type ExportTable } from '../common/table-export';
import type { ListAuditLogQuery } from './audit-log.dto';
import { auditRecordView } from './audit-log.views';

/** Words for the actions, as the administrator reads them in the exported table. */
const ACTION_WORDS: Record<string, string> = {
  'sign_in.succeeded': '登录成功',
  'sign_in.failed': '登录失败',
  'sign_in.throttled': '登录过于频繁被拒',
  'sign_in.refused_locked': '账号锁定中登录被拒',
  'account.locked': '账号锁定',
  'account.unlocked': '解除锁定',
  sign_out: '退出登录',
  'sign_out.everywhere': '在所有设备上退出',
  'password.changed': '修改密码',
  'password.reset': '重置密码',
  'password.reset_link_sent': '发送重置密码链接',
  'password.reset_link_used': '通过链接重置密码',
  'user.created': '新建用户',
  'user.updated': '修改用户',
  'user.deactivated': '停用用户',
  'user.reactivated': '启用用户',
  'user.provisioned': '统一身份认证开通用户',
  'users.imported': '批量导入用户',
  'department.created': '新建单位',
  'department.updated': '修改单位',
  'department.deactivated': '停用单位',
  'department.reactivated': '启用单位',
  'departments.imported': '批量导入单位',
  'administrator.created': '创建系统管理员',
};

/** The audit log, for the system administrator: sign-ins, locks, sign-outs and every administrative change. */
@Injectable()
export class AuditLogService {
  private readonly log: AuditLogRepository;

  constructor(dataSource: DataSource) {
    this.log = new AuditLogRepository(dataSource);
  }

  async list(actor: Actor, query: ListAuditLogQuery): Promise<AuditLogPage> {
    assertMay(actor, 'audit-log.read');
    const page = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
    const { total, items } = await this.log.list({ ...this.filter(query), ...page });
    return { items: items.map(auditRecordView), total, ...page };
  }

  async table(actor: Actor, query: ListAuditLogQuery): Promise<ExportTable> {
    assertMay(actor, 'audit-log.read');
    const page = exportPage(query, 50);
    const { total, items } = await this.log.list({ ...this.filter(query), limit: page.limit, offset: page.offset });
    if (!page.explicit) assertExportable(total);
    return {
      asciiBase: 'audit-log',
      chineseBase: '审计日志',
      header: ['时间(北京时间)', '操作人', '操作', '对象类型', '对象', '原值', '新值', '原因', '客户端地址'],
      rows: items.map((r) => [
        r.at,
        r.actorUsername,
        ACTION_WORDS[r.action] ?? r.action,
        r.targetType,
        r.targetLabel ?? r.targetId,
        r.from === null ? null : JSON.stringify(r.from),
        r.to === null ? null : JSON.stringify(r.to),
        r.reason,
        r.clientAddress,
      ]),
    };
  }

  private filter(query: ListAuditLogQuery) {
    return {
      action: query.action,
      actionPrefix: query.actionPrefix,
      actorId: query.actorId,
      targetType: query.targetType,
      targetId: query.targetId,
      q: query.q,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
  }
}
