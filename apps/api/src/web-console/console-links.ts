/**
 * Links in e-mails name the API's resources (`/duties/<id>`, `/circulars/<id>/page`). A person
 * who clicks one gets a browser, not an API client: it is sent to the console's page for the same
 * thing, which asks them to log in first and then opens it.
 */
export const CONSOLE_PREFIX = '/console';

/** Resources the console has a list at `/<name>` and a page at `/<name>/<id>` for. */
const CONSOLE_RESOURCES = new Set(['duties', 'campaigns', 'compliance-cases', 'inspection-cases', 'circulars', 'assessments', 'reports', 'units', 'unit-imports', 'inbox']);

/** The console's path for an API path a browser asked for, or null when it has none. */
export function consolePathFor(apiPath: string): string | null {
  const path = apiPath.split('?')[0].replace(/\/+$/, '');
  if (path === '') return `${CONSOLE_PREFIX}/`;
  const [, resource, id] = path.split('/');
  if (!CONSOLE_RESOURCES.has(resource)) return null;
  // A sub-resource (a notice, a printable page, a timeline) opens the page of its owner.
  return id ? `${CONSOLE_PREFIX}/${resource}/${encodeURIComponent(decodedOrAsIs(id))}` : `${CONSOLE_PREFIX}/${resource}`;
}

/** A malformed percent-encoding ("%", "%zz") is kept as typed: the console's page says "not found". */
function decodedOrAsIs(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * A browser navigating (a click on a link, an address typed), not a program calling the API:
 * it asks for HTML and carries no bearer token.
 */
export function isBrowserNavigation(headers: { accept?: string; authorization?: string; 'sec-fetch-mode'?: string }): boolean {
  if (headers.authorization) return false;
  const mode = headers['sec-fetch-mode'];
  if (mode !== undefined && mode !== 'navigate') return false;
  return (headers.accept ?? '').split(',').some((type) => type.trim().startsWith('text/html'));
}
