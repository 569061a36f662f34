import { Inject, Injectable, Logger } from '@nestjs/common';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import type { NotificationAudience } from '@duban/domain';
import { renderDutyEmail } from '@duban/mail';
import { DepartmentRepository, DutyRepository, UserRepository } from '@duban/persistence';
import type { DutyActivities, DutyAssignment, DutyNotification, DutyRecordView, RecordDutyEscalationInput, RecordDutyTransitionInput } from '@duban/workflows';
import { ApplicationFailure } from '@temporalio/common';
import { OnceOnlyMail } from '../common/once-only-mail';

/** The duty workflow's I/O: PostgreSQL writes and e-mails, each safe to repeat. */
@Injectable()
export class DutyActivitiesService implements DutyActivities {
  private readonly logger = new Logger(DutyActivitiesService.name);

  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly duties: DutyRepository,
    private readonly departments: DepartmentRepository,
    private readonly users: UserRepository,
    private readonly mail: OnceOnlyMail,
  ) {}

  async recordDutyAssigned(assignment: DutyAssignment): Promise<void> {
    await this.duties.recordAssigned(assignment);
  }

  recordDutyTransition(input: RecordDutyTransitionInput): Promise<DutyRecordView> {
    return this.duties.recordTransition(input);
  }

  async recordDutyReminded(input: { dutyId: string; dueAt: number; remindedAt: number }): Promise<void> {
    await this.duties.recordReminded(input.dutyId, input.remindedAt, input.dueAt);
  }

  recordDutyEscalation(input: RecordDutyEscalationInput): Promise<void> {
    return this.duties.recordEscalation(input);
  }

  async sendDutyNotification(notification: DutyNotification): Promise<void> {
    const duty = await this.duties.findById(notification.dutyId);
    if (!duty) {
      throw ApplicationFailure.nonRetryable(`Duty ${notification.dutyId} is not in the database`, 'DutyMissing');
    }
    // The department that held the duty when the notification was queued (a reassignment may
    // have moved it since); notifications queued before reassignments existed name none.
    const department = await this.department(notification.departmentId ?? duty.departmentId);
    const other = notification.otherDepartmentId ? await this.department(notification.otherDepartmentId) : undefined;
    const recipients = await this.recipients(notification.audience, department);
    if (recipients.length === 0) {
      this.logger.warn(`No address to send ${notification.key} to (audience: ${notification.audience.join(', ')})`);
      return;
    }
    const rendered = renderDutyEmail(notification, {
      title: duty.title,
      departmentName: department.name,
      dueAt: duty.dueAt,
      link: `${this.config.http.publicUrl}/duties/${duty.id}`,
      otherDepartmentName: other?.name,
    });
    await this.mail.send({ key: notification.key, dutyId: duty.id, recipients, subject: rendered.subject, body: rendered.text });
  }

  private async department(id: string) {
    const department = await this.departments.findById(id);
    if (!department) throw ApplicationFailure.nonRetryable(`Department ${id} is not in the database`, 'DepartmentMissing');
    return department;
  }

  private async recipients(audience: NotificationAudience[], department: { liaisonEmail: string; headEmail: string }): Promise<string[]> {
    const addresses: string[] = [];
    for (const who of audience) {
      if (who === 'department_liaison') addresses.push(department.liaisonEmail);
      if (who === 'department_head') addresses.push(department.headEmail);
      if (who === 'office') addresses.push(...(await this.users.officeEmails()));
    }
    return [...new Set(addresses)];
  }
}
