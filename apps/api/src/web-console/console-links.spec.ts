import { consolePathFor, isBrowserNavigation } from './console-links';

describe('links from e-mails into the console', () => {
  it.each([
    ['/duties/6f1c', '/console/duties/6f1c'],
    ['/circulars/abc/page', '/console/circulars/abc'],
    ['/compliance-cases/c1/notice', '/console/compliance-cases/c1'],
    ['/assessments/a1', '/console/assessments/a1'],
    ['/units/91430400MA4L0000X1', '/console/units/91430400MA4L0000X1'],
    ['/inbox', '/console/inbox'],
    ['/', '/console/'],
    ['/duties/6f1c?x=1', '/console/duties/6f1c'],
  ])('%s opens %s', (from, to) => {
    expect(consolePathFor(from)).toBe(to);
  });

  it('has no page for the API documentation, health or log-in', () => {
    expect(consolePathFor('/docs')).toBeNull();
    expect(consolePathFor('/health')).toBeNull();
    expect(consolePathFor('/auth/login')).toBeNull();
  });

  it('does not let an encoded id reach another path', () => {
    expect(consolePathFor('/duties/..%2F..%2Fdocs')).toBe('/console/duties/..%2F..%2Fdocs');
  });

  it('keeps a malformed percent-encoding as typed instead of throwing', () => {
    expect(consolePathFor('/duties/%')).toBe('/console/duties/%25');
    expect(consolePathFor('/duties/%zz/page')).toBe('/console/duties/%25zz');
  });

  it('tells a browser navigation from an API call', () => {
    const chrome = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    expect(isBrowserNavigation({ accept: chrome })).toBe(true);
    expect(isBrowserNavigation({ accept: chrome, 'sec-fetch-mode': 'navigate' })).toBe(true);
    expect(isBrowserNavigation({ accept: chrome, authorization: 'Bearer x' })).toBe(false);
    expect(isBrowserNavigation({ accept: 'text/html', 'sec-fetch-mode': 'cors' })).toBe(false);
    expect(isBrowserNavigation({ accept: '*/*' })).toBe(false);
    expect(isBrowserNavigation({ accept: 'application/json' })).toBe(false);
    expect(isBrowserNavigation({})).toBe(false);
  });
});
