import { LoginThrottle, TooManyLoginAttemptsException } from './login-throttle';

describe('log-in throttling', () => {
  const t0 = 1_000_000;

  it('refuses a name from an address after ten failures, until the oldest leaves the five-minute window', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 10; i++) {
      throttle.check('office', '10.0.0.1', t0 + i * 1000);
      throttle.recordFailure('office', '10.0.0.1', t0 + i * 1000);
    }
    expect(() => throttle.check('office', '10.0.0.1', t0 + 10_000)).toThrow(TooManyLoginAttemptsException);
    try {
      throttle.check('OFFICE', '10.0.0.1', t0 + 10_000);
    } catch (error) {
      expect((error as TooManyLoginAttemptsException).retryAfterSeconds).toBe(290);
      expect((error as TooManyLoginAttemptsException).getStatus()).toBe(429);
    }
    // The same name from another address, another name from this one: not held up.
    expect(() => throttle.check('office', '10.0.0.2', t0 + 10_000)).not.toThrow();
    expect(() => throttle.check('viewer', '10.0.0.1', t0 + 10_000)).not.toThrow();
    expect(() => throttle.check('office', '10.0.0.1', t0 + 5 * 60_000 + 1)).not.toThrow();
  });

  it('refuses an address that guesses many names, and a success clears only its own name', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 100; i++) throttle.recordFailure(`name${i}`, '10.0.0.9', t0);
    expect(() => throttle.check('someone', '10.0.0.9', t0 + 1)).toThrow(TooManyLoginAttemptsException);
    const other = new LoginThrottle();
    for (let i = 0; i < 9; i++) other.recordFailure('office', '10.0.0.1', t0);
    other.recordSuccess('office', '10.0.0.1');
    other.recordFailure('office', '10.0.0.1', t0);
    expect(() => other.check('office', '10.0.0.1', t0 + 1)).not.toThrow();
  });
});
