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
      noticeLinkDays: 90,
    });
    expect(loadDubanConfig({ DUBAN_EVIDENCE_MAX_BYTES: '2048' }).evidenceMaxBytes).toBe(2048);
    expect(loadDubanConfig({ DUBAN_NOTICE_LINK_DAYS: '30' }).noticeLinkDays).toBe(30);
  });

  it('bounds the pool, and fails a second connection inside a transaction in tests only', () => {
    expect(loadDubanConfig({}).databasePool).toEqual({ size: 10, waitMs: 15_000, nestedConnections: 'warn' });
    expect(loadDubanConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40) }).databasePool.nestedConnections).toBe('throw');
    expect(loadDubanConfig({ DATABASE_POOL_SIZE: '40', DATABASE_NESTED_CONNECTIONS: 'throw' }).databasePool).toMatchObject({ size: 40, nestedConnections: 'throw' });
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
    ['DUBAN_NOTICE_LINK_DAYS', '0', 'must be between 1 and 730'],
    ['DUBAN_NOTICE_LINK_DAYS', '3 months', 'expected a whole number'],
    ['DATABASE_POOL_SIZE', '1', 'must be between 2 and 200'],
    ['DATABASE_POOL_WAIT_MS', 'forever', 'expected a whole number'],
    ['DATABASE_NESTED_CONNECTIONS', 'ignore', 'throw'],
  ])('refuses %s=%s, naming the variable', (name, value, message) => {
    expect(() => loadDubanConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadDubanConfig({ [name]: value })).toThrow(`Configuration error in ${name}: `);
    expect(() => loadDubanConfig({ [name]: value })).toThrow(message);
  });

  it('accepts the built-in development secret only in development on a loopback address', () => {
    expect(loadDubanConfig({}).jwt.developmentSecret).toBe(true);
    expect(loadDubanConfig({ NODE_ENV: 'development', HOST: 'localhost' }).jwt.developmentSecret).toBe(true);
    expect(() => loadDubanConfig({ NODE_ENV: 'development', HOST: '0.0.0.0' })).toThrow('Configuration error in JWT_SECRET');
    expect(() => loadDubanConfig({ NODE_ENV: 'test' })).toThrow('Configuration error in JWT_SECRET');
    expect(() => loadDubanConfig({ NODE_ENV: 'staging', HOST: '127.0.0.1' })).toThrow('unless NODE_ENV=development');
    expect(() => loadDubanConfig({ NODE_ENV: 'production', JWT_SECRET: 'duban-development-secret-change-me-0123456789' })).toThrow('is the development secret');
    expect(loadDubanConfig({ NODE_ENV: 'test', JWT_SECRET: 'y'.repeat(32) }).jwt.developmentSecret).toBe(false);
  });

  it('refuses development seeds in production, naming the setting', () => {
    expect(() => loadDubanConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DUBAN_DEV_SEED: 'true' })).toThrow(
      'Configuration error in DUBAN_DEV_SEED: must be false when NODE_ENV=production',
    );
    expect(loadDubanConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).devSeed).toBe(false);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadDubanConfig({ NODE_ENV: 'production' })).toThrow('Configuration error in JWT_SECRET');
    expect(loadDubanConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).jwt.secret).toBe('x'.repeat(40));
  });

  it('hides secrets when described', () => {
    const described = describeConfig(loadDubanConfig({ DATABASE_URL: 'postgres://u:hunter2@db/duban', JWT_SECRET: 's'.repeat(40) }));
    expect(JSON.stringify(described)).not.toContain('hunter2');
    expect(JSON.stringify(described)).not.toContain('s'.repeat(40));
  });

  describe('single sign-on', () => {
    const oidc = { DUBAN_OIDC_ISSUER: 'https://idp.example.gov/realms/staff/', DUBAN_OIDC_CLIENT_ID: 'duban', DUBAN_OIDC_CLIENT_SECRET: 'sso-secret-value' };

    it('is off without an issuer, and on with defaults that need only the client', () => {
      expect(loadDubanConfig({}).oidc).toBeNull();
      expect(loadDubanConfig({ ...oidc, PUBLIC_URL: 'https://duban.example.gov/' }).oidc).toEqual({
        issuer: 'https://idp.example.gov/realms/staff/',
        clientId: 'duban',
        clientSecret: 'sso-secret-value',
        redirectUri: 'https://duban.example.gov/auth/oidc/callback',
        scopes: 'openid profile email',
        matchClaim: 'preferred_username',
        matchField: 'username',
        provision: 'refuse',
        departmentClaim: null,
        label: '统一身份认证登录',
      });
      expect(loadDubanConfig({ ...oidc, DUBAN_OIDC_MATCH_CLAIM: 'email', DUBAN_OIDC_MATCH_FIELD: 'email', DUBAN_OIDC_PROVISION: 'viewer' }).oidc).toMatchObject({
        matchClaim: 'email',
        matchField: 'email',
        provision: 'viewer',
      });
    });

    it.each([
      [{ DUBAN_OIDC_CLIENT_ID: '' }, 'DUBAN_OIDC_CLIENT_ID', 'must be set when DUBAN_OIDC_ISSUER is'],
      [{ DUBAN_OIDC_CLIENT_SECRET: ' ' }, 'DUBAN_OIDC_CLIENT_SECRET', 'must be set when DUBAN_OIDC_ISSUER is'],
      [{ DUBAN_OIDC_ISSUER: 'idp.example.gov' }, 'DUBAN_OIDC_ISSUER', 'is not a valid URL'],
      [{ DUBAN_OIDC_SCOPES: 'profile email' }, 'DUBAN_OIDC_SCOPES', 'must include openid'],
      [{ DUBAN_OIDC_MATCH_FIELD: 'phone' }, 'DUBAN_OIDC_MATCH_FIELD', 'expected one of username, email'],
      [{ DUBAN_OIDC_PROVISION: 'admin' }, 'DUBAN_OIDC_PROVISION', 'expected one of refuse, viewer, office, department_officer'],
      [{ DUBAN_OIDC_PROVISION: 'department_officer' }, 'DUBAN_OIDC_DEPARTMENT_CLAIM', 'must name the claim holding the department code'],
      [{ DUBAN_OIDC_DEPARTMENT_CLAIM: 'dept code' }, 'DUBAN_OIDC_DEPARTMENT_CLAIM', 'expected a claim name'],
      [{ DUBAN_OIDC_MATCH_CLAIM: 'a b' }, 'DUBAN_OIDC_MATCH_CLAIM', 'expected a claim name'],
      [{ DUBAN_OIDC_REDIRECT_URI: 'ftp://x/cb' }, 'DUBAN_OIDC_REDIRECT_URI', 'must start with https:// or http://'],
    ])('refuses %o, naming %s', (change, name, message) => {
      expect(() => loadDubanConfig({ ...oidc, ...change })).toThrow(`Configuration error in ${name}: ${message}`);
    });

    it('refuses a client without an issuer, and never describes the client secret', () => {
      expect(() => loadDubanConfig({ DUBAN_OIDC_CLIENT_ID: 'duban' })).toThrow('Configuration error in DUBAN_OIDC_ISSUER');
      expect(JSON.stringify(describeConfig(loadDubanConfig(oidc)))).not.toContain('sso-secret-value');
    });
  });
});
