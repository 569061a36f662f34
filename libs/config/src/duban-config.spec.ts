import { ConfigError, describeConfig, loadDubanConfig } from './duban-config';

describe('loadDubanConfig', () => {
  it('has defaults that work on a developer machine', () => {
    const config = loadDubanConfig({});
    expect(config).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/duban',
      temporal: { address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'duban' },
      smtp: { url: 'smtp://127.0.0.1:1025' },
      http: { port: 3000, host: '127.0.0.1', bodyLimit: '100kb' },
      devSeed: false,
      evidenceMaxBytes: 10 * 1024 * 1024,
    });
    expect(loadDubanConfig({ DUBAN_EVIDENCE_MAX_BYTES: '2048' }).evidenceMaxBytes).toBe(2048);
  });

  it.each([
    ['DATABASE_URL', 'mysql://x@y/z', 'must start with postgres:// or postgresql://'],
    ['DATABASE_URL', 'not a url', 'is not a valid URL'],
    ['TEMPORAL_ADDRESS', 'localhost', 'expected host:port'],
    ['SMTP_URL', 'http://mail', 'must start with smtp:// or smtps://'],
    ['PORT', 'eighty', 'expected a whole number'],
    ['PORT', '70000', 'must be between 0 and 65535'],
    ['DUBAN_DEV_SEED', 'maybe', 'expected true or false'],
    ['JWT_SECRET', 'short', 'at least 32 characters'],
    ['DUBAN_EVIDENCE_MAX_BYTES', '10MB', 'expected a whole number'],
    ['DUBAN_EVIDENCE_MAX_BYTES', '0', 'must be between 1 and 104857600'],
    ['DUBAN_EVIDENCE_MAX_BYTES', '209715200', 'must be between 1 and 104857600'],
  ])('refuses %s=%s, naming the variable', (name, value, message) => {
    expect(() => loadDubanConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadDubanConfig({ [name]: value })).toThrow(`Configuration error in ${name}: `);
    expect(() => loadDubanConfig({ [name]: value })).toThrow(message);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadDubanConfig({ NODE_ENV: 'production' })).toThrow('Configuration error in JWT_SECRET');
    expect(loadDubanConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).jwt.secret).toBe('x'.repeat(40));
  });

  it('hides secrets when described', () => {
    const described = describeConfig(
      loadDubanConfig({ DATABASE_URL: 'postgres://u:hunter2@db/duban', JWT_SECRET: 's'.repeat(40) }),
    );
    expect(JSON.stringify(described)).not.toContain('hunter2');
    expect(JSON.stringify(described)).not.toContain('s'.repeat(40));
  });
});
