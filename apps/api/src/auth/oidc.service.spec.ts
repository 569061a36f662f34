import { consoleReturnTo, stateFromCookie } from './oidc.service';

describe('consoleReturnTo', () => {
  it('keeps a path inside the console, query and fragment included', () => {
    expect(consoleReturnTo('/console')).toBe('/console');
    expect(consoleReturnTo('/console/')).toBe('/console/');
    expect(consoleReturnTo('/console/duties?state=assigned#top')).toBe('/console/duties?state=assigned#top');
    expect(consoleReturnTo('/console/duties/%E4%BA%8B')).toBe('/console/duties/%E4%BA%8B');
  });

  it.each([
    'https://evil.example/console/',
    '//evil.example/console',
    '/\\evil.example',
    '/console\\evil',
    '/console/../auth/me',
    '/console/%2e%2e/auth/me',
    '/consolex',
    'console/duties',
    '/console/\t',
    '/console/\u0000',
    `/console/${'x'.repeat(500)}`,
  ])('refuses %j', (value) => {
    expect(consoleReturnTo(value)).toBeNull();
  });
});

describe('stateFromCookie', () => {
  it('finds the state among other cookies, and nothing without it', () => {
    expect(stateFromCookie('a=1; duban_sso_state=abc-_x; b=2')).toBe('abc-_x');
    expect(stateFromCookie('duban_sso_state=')).toBe('');
    expect(stateFromCookie('xduban_sso_state=abc')).toBeUndefined();
    expect(stateFromCookie(undefined)).toBeUndefined();
  });
});
