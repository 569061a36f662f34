import { caseDutyCancelReason, SYSTEM_REASONS, systemReasonOf } from './history-events';

describe("the system's reasons", () => {
  it('are told apart by their stored text: each text names one code', () => {
    const texts = Object.values(SYSTEM_REASONS);
    expect(new Set(texts).size).toBe(texts.length);
    for (const [code, text] of Object.entries(SYSTEM_REASONS)) expect(systemReasonOf(text)).toBe(code);
  });

  it("know the reason a case's duty is cancelled with, and nothing a person wrote", () => {
    expect(systemReasonOf(caseDutyCancelReason(SYSTEM_REASONS.unit_rectified))).toBe('duty_cancelled_unit_rectified');
    expect(systemReasonOf('材料不全，请补充')).toBeNull();
    expect(systemReasonOf(null)).toBeNull();
  });
});
