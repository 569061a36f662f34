// The console owns the words for what the API sends as codes: every domain error code and every
// kind of history event has a zh-CN and an English text, so a new code without its words fails here.
import { describe, expect, it } from '@jest/globals';
import { IsDateString, IsIn, IsNotEmpty, MaxLength, validateSync } from 'class-validator';
import {
  CAMPAIGN_EVENT_ACTIONS,
  COMPLIANCE_CASE_HISTORY_ACTIONS,
  COMPLIANCE_CASE_STATES,
  COMPLIANCE_ESCALATION_STEPS,
  COMPLIANCE_STEP_STATUSES,
  DEFAULT_DUTY_ESCALATION_STEPS,
  DomainErrorCode,
  DUTY_STATES,
  DUTY_TIMELINE_EVENTS,
  ENFORCEMENT_ACTION_TYPES,
  SYSTEM_REASONS,
  UNIT_HISTORY_KINDS,
} from '@duban/domain';
import { ApiError } from '../api/client';
import { errorText, fieldMessageText } from '../components/api-errors';
import { reasonText } from '../components/history-words';
import { CATALOGUES, translatorFor, type Language } from './catalogue';

const CJK = /[\u4e00-\u9fff]/;

/** What the API can send, by the catalogue prefix the console words it under. */
const CODED: Array<[prefix: string, values: readonly string[]]> = [
  ['apiError', Object.values(DomainErrorCode)],
  ['dutyAction', DUTY_TIMELINE_EVENTS],
  ['dutyState', DUTY_STATES],
  ['escalationStep', [...DEFAULT_DUTY_ESCALATION_STEPS, ...COMPLIANCE_ESCALATION_STEPS]],
  ['campaignEvent', CAMPAIGN_EVENT_ACTIONS],
  ['caseAction', COMPLIANCE_CASE_HISTORY_ACTIONS],
  ['caseState', COMPLIANCE_CASE_STATES],
  ['historyKind', UNIT_HISTORY_KINDS],
  ['stepStatus', COMPLIANCE_STEP_STATUSES],
  ['enforcementAction', ENFORCEMENT_ACTION_TYPES],
  ['timelineKind', ['transition', 'reminder', 'escalation', 'email', 'comment', 'evidence']],
  ['systemReason', Object.keys(SYSTEM_REASONS)],
];

describe('the console has words for every code the API sends', () => {
  it.each(CODED)('%s: a zh-CN text in Chinese and an English text for each', (prefix, values) => {
    const missing: string[] = [];
    for (const value of values) {
      const key = `${prefix}.${value}`;
      const zh = (CATALOGUES['zh-CN'] as Record<string, string>)[key];
      const en = (CATALOGUES.en as Record<string, string>)[key];
      if (!zh || !CJK.test(zh)) missing.push(`zh-CN ${key}: ${zh ?? '(none)'}`);
      if (!en || CJK.test(en) || en === value) missing.push(`en ${key}: ${en ?? '(none)'}`);
    }
    expect(missing).toEqual([]);
  });

  it('no zh-CN text of the catalogue is an English sentence or a raw key', () => {
    // Words that stay as they are in Chinese text: names of formats and products.
    const allowed = /^(English|PDF|Excel|CSV|Word|TXT|XLSX|UTF|GB|KB|ID|SSO)$/;
    // The import hints name the columns a file may have, as the file must spell them.
    const columnHints = new Set(['users.importHint', 'units.importHint']);
    const offenders = Object.entries(CATALOGUES['zh-CN']).filter(([key, text]) => {
      if (columnHints.has(key)) return false;
      const latinWords = text.replace(/\{\w+\}/g, '').match(/[A-Za-z_]{2,}/g) ?? [];
      return latinWords.some((w) => !allowed.test(w));
    });
    expect(offenders).toEqual([]);
  });
});

describe('API errors in the user’s language', () => {
  const zh = translatorFor('zh-CN');
  const refusal = (code: string, message = 'The duty is accepted; it cannot be returned') =>
    new ApiError(409, 'CONFLICT', message, {}, { statusCode: 409, error: 'CONFLICT', code, message });

  it('words a refusal by its domain code, not by the API’s English', () => {
    expect(errorText(refusal(DomainErrorCode.DutyTransitionForbidden), zh)).toBe(CATALOGUES['zh-CN']['apiError.DUTY_TRANSITION_FORBIDDEN']);
    expect(errorText(refusal(DomainErrorCode.DutyTransitionForbidden), translatorFor('en'))).toBe(CATALOGUES.en['apiError.DUTY_TRANSITION_FORBIDDEN']);
  });

  it('falls back to the status for an unknown code, and to the API’s sentence last', () => {
    expect(errorText(refusal('A_CODE_FROM_A_NEWER_API'), zh)).toBe(CATALOGUES['zh-CN']['error.conflict']);
    const teapot = new ApiError(418, 'I_AM_A_TEAPOT', 'I am a teapot', {}, { code: 'A_CODE_FROM_A_NEWER_API', message: 'I am a teapot' });
    expect(errorText(teapot, zh)).toBe('I am a teapot');
  });
});

describe('field messages of a 400 in the user’s language', () => {
  /** class-validator's own messages, from the decorators the API's DTOs use (applied by hand: no decorator syntax here). */
  function validatorMessages(): string[] {
    class Probe {
      title = '';
      description = 'x'.repeat(30);
      dueAt = 'tomorrow';
      kind = 'weekly';
    }
    IsNotEmpty()(Probe.prototype, 'title');
    MaxLength(20)(Probe.prototype, 'description');
    IsDateString()(Probe.prototype, 'dueAt');
    IsIn(['monthly', 'quarterly'])(Probe.prototype, 'kind');
    return validateSync(new Probe()).flatMap((e) => Object.values(e.constraints ?? {}));
  }

  it.each<[Language, string[]]>([
    ['zh-CN', ['必填', '不能超过 20 个字符', '请填写有效的日期时间', '请从给定的选项中选择']],
    ['en', ['Required', 'At most 20 characters', 'Enter a valid date and time', 'One of: monthly, quarterly']],
  ])('%s: required, too long, not a date, not one of', (language, expected) => {
    const t = translatorFor(language);
    const messages = validatorMessages();
    expect(messages).toHaveLength(4);
    expect(messages.map((m) => fieldMessageText(m, t))).toEqual(expected);
  });

  it('keeps the API’s text for a message it has no words for', () => {
    const text = 'the shares add up to 75000, not to the whole 76000';
    expect(fieldMessageText(text, translatorFor('zh-CN'))).toBe(text);
  });
});

describe('reasons the system wrote', () => {
  it('are worded by their code, or known by their stored text; a person’s reason stays as written', () => {
    const zh = translatorFor('zh-CN');
    expect(reasonText(SYSTEM_REASONS.past_due_time, zh, 'past_due_time')).toBe('已超过办理时限');
    expect(reasonText(SYSTEM_REASONS.duty_cancelled_unit_rectified, zh)).toBe(CATALOGUES['zh-CN']['systemReason.duty_cancelled_unit_rectified']);
    expect(reasonText('材料不全，请补充', zh)).toBe('材料不全，请补充');
  });
});
