import { ApplicationFailure } from '@temporalio/common';
import { inputRefusalCode, withInputFailures } from './activity-failures';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
const typeormError = (code: string) => Object.assign(new Error(`query failed ${code}`), { driverError: { code } });

describe('activities failing on their input', () => {
  it('tells input refusals from faults that pass on a retry', () => {
    for (const code of ['22021', '22P02', '22P05', '23502', '23503', '23505', '23514', '42P18', '54000']) {
      expect(inputRefusalCode(pgError(code))).toBe(code);
      expect(inputRefusalCode(typeormError(code))).toBe(code);
    }
    for (const code of ['40001', '40P01', '08006', '57P01', '53300', 'ECONNREFUSED']) {
      expect(inputRefusalCode(pgError(code))).toBeNull();
    }
    expect(inputRefusalCode(new Error('plain'))).toBeNull();
    expect(inputRefusalCode(undefined)).toBeNull();
  });

  it('fails a refused input at once and lets other errors retry', async () => {
    const activities = withInputFailures({
      refused: async () => {
        throw typeormError('22021');
      },
      deadlock: async () => {
        throw pgError('40P01');
      },
      fine: async (n: number) => n + 1,
    });
    await expect(activities.refused()).rejects.toMatchObject({ type: 'InvalidInput', nonRetryable: true, message: expect.stringContaining('SQLSTATE 22021') });
    await expect(activities.refused()).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(activities.deadlock()).rejects.toMatchObject({ code: '40P01' });
    await expect(activities.fine(1)).resolves.toBe(2);
  });

  it('fails a unique violation for good once no retry is left to race with', async () => {
    // Outside a running activity there is no next attempt; inside one, the first attempts retry.
    const activities = withInputFailures({
      duplicate: async () => {
        throw pgError('23505');
      },
    });
    await expect(activities.duplicate()).rejects.toMatchObject({ type: 'InvalidInput', nonRetryable: true });
  });
});
