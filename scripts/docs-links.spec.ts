import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The docs are the newcomer's way in: a link to a page, a heading or an image that is not there,
// or a pointer to a file outside the repository, fails here instead of in a reader's hands.

const ROOT = resolve(__dirname, '..');

/**
 * Text no doc may hold: a folder beside the clone and the domain file that used to live there
 * (docs/domain.md replaced it). Spelt in pieces so that this file does not match a search for them.
 */
const SHARED_FOLDER = ['..', 'shared'].join('/');
const OLD_DOMAIN_FILE = ['DOMAIN', 'md'].join('.');
const OUTSIDE_THE_REPOSITORY = [SHARED_FOLDER, OLD_DOMAIN_FILE];

interface Problem {
  file: string;
  line: number;
  message: string;
}

/** README.md and every Markdown file under docs/, relative to the root. */
function docFiles(root: string): string[] {
  const found = ['README.md'];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  return found;
}

/** Lines outside fenced code blocks, with inline code blanked out (links there are examples). */
function proseLines(text: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fenced = false;
  text.split('\n').forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      return;
    }
    if (!fenced) lines.push({ line: index + 1, text: raw.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length)) });
  });
  return lines;
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as '-', repeats numbered. */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Every relative link or image in the docs whose file, or whose heading, is not in the repository. */
export function docProblems(root: string, files: string[], { read, exists }: { read: (path: string) => string; exists: (path: string) => boolean }): Problem[] {
  const problems: Problem[] = [];
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (path: string) => {
    if (!anchorsOf.has(path)) anchorsOf.set(path, headingAnchors(read(path)));
    return anchorsOf.get(path)!;
  };
  for (const file of files) {
    const text = read(file);
    text.split('\n').forEach((line, index) => {
      for (const outside of OUTSIDE_THE_REPOSITORY) {
        if (line.includes(outside)) problems.push({ file, line: index + 1, message: `mentions ${outside}, which is not in the repository` });
      }
    });
    for (const { line, text: prose } of proseLines(text)) {
      for (const match of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        const target = match[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:
        const [pathPart, anchor] = target.split('#', 2);
        const linked = pathPart === '' ? file : relative(root, resolve(root, dirname(file), decodeURI(pathPart)));
        if (linked.startsWith('..') || linked.startsWith(sep)) {
          problems.push({ file, line, message: `${target} points outside the repository` });
          continue;
        }
        if (!exists(linked)) {
          problems.push({ file, line, message: `${target}: no file ${linked}` });
          continue;
        }
        if (anchor !== undefined && linked.endsWith('.md') && !anchors(linked).has(decodeURIComponent(anchor))) {
          problems.push({ file, line, message: `${target}: ${linked} has no heading #${anchor}` });
        }
      }
    }
  }
  return problems;
}

/**
 * Repository paths the docs name in inline code (`apps/api/src/duties/duties.service.ts`,
 * `libs/domain/src/`) that are not there: a file moved or renamed without its mention. Patterns
 * (with `*`, `<…>`, `{…}` or an ellipsis) and names followed by `:line` are read as the path before them.
 */
export function missingCodePaths(files: string[], { read, exists }: { read: (path: string) => string; exists: (path: string) => boolean }): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    read(file)
      .split('\n')
      .forEach((line, index) => {
        for (const match of line.matchAll(/`((?:apps|libs|test|scripts|bench|docs)\/[^`\s]*)`/g)) {
          const path = match[1].replace(/[:#].*$/, '').replace(/\/$/, '');
          if (/[*<>{}…]/.test(path) || exists(path)) continue;
          problems.push({ file, line: index + 1, message: `names ${path}, which is not in the repository` });
        }
      });
  }
  return problems;
}

const readFromRoot = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const onDisk = { read: readFromRoot, exists: (path: string) => existsSync(join(ROOT, path)) };
const show = (problems: Problem[]) => problems.map((p) => `${p.file}:${p.line} ${p.message}`);

describe('the docs', () => {
  it('link only to files and headings that exist in the repository, and name no file outside it', () => {
    const files = docFiles(ROOT);
    expect(files).toEqual(expect.arrayContaining(['README.md', join('docs', 'domain.md'), join('docs', 'architecture.md')]));
    expect(show(docProblems(ROOT, files, onDisk))).toEqual([]);
  });

  it('name in code only repository paths that exist', () => {
    expect(show(missingCodePaths(docFiles(ROOT), onDisk))).toEqual([]);
  });

  it('are linked from the README, every page of docs/', () => {
    const readme = readFromRoot('README.md');
    const pages = docFiles(ROOT).filter((file) => file !== 'README.md');
    expect(pages.filter((page) => !readme.includes(`](${page.split(sep).join('/')}`))).toEqual([]);
  });
});

describe('the docs check', () => {
  const pages: Record<string, string> = {
    'README.md': [
      '# Title',
      'See [the guide](docs/guide.md#a-section-with-code), [its second part](docs/guide.md#part-1),',
      '![a picture](docs/screenshots/login.png) and [the top](#title).',
      'An example in code: `[x](docs/nowhere.md)`.',
      '```',
      '[also](docs/nowhere.md)',
      '```',
    ].join('\n'),
    'docs/guide.md': '# Guide\n## A section with `code`\n## Part\n## Part\n',
  };
  const posix = (path: string) => path.split(sep).join('/');
  // The pages are these; anything else (the screenshot) is looked for on disk.
  const io = (set: Record<string, string>) => ({
    read: (path: string) => set[posix(path)],
    exists: (path: string) => posix(path) in set || onDisk.exists(path),
  });

  it('fails on a path in code that is not in the repository, and reads patterns and line numbers', () => {
    const set = { 'README.md': 'See `apps/api/src/nowhere.ts`, `libs/domain/src/`, `apps/*/src`, `docs/domain.md:12` and `README.md`.' };
    expect(show(missingCodePaths(['README.md'], io(set)))).toEqual(['README.md:1 names apps/api/src/nowhere.ts, which is not in the repository']);
  });

  it('finds the anchors GitHub gives headings, repeats numbered', () => {
    expect([...headingAnchors(pages['docs/guide.md'])]).toEqual(['guide', 'a-section-with-code', 'part', 'part-1']);
    expect(headingAnchors('## Periodic reports (旬报, 月报)').has('periodic-reports-旬报-月报')).toBe(true);
  });

  it('accepts good links and ignores links in code', () => {
    expect(show(docProblems(ROOT, ['README.md', 'docs/guide.md'], io(pages)))).toEqual([]);
  });

  it('fails on a missing file, a missing heading, a path outside the repository and a file outside it', () => {
    const broken: Record<string, string> = {
      'README.md': [
        '# Title',
        `[gone](docs/gone.md) [no such heading](docs/guide.md#nowhere) [up](${SHARED_FOLDER}/${OLD_DOMAIN_FILE})`,
        '![no picture](docs/screenshots/none.png) [here](#not-here)',
      ].join('\n'),
      'docs/guide.md': '# Guide\n',
    };
    const problems = show(docProblems(ROOT, ['README.md', 'docs/guide.md'], io(broken)));
    expect(problems).toEqual([
      `README.md:2 mentions ${SHARED_FOLDER}, which is not in the repository`,
      `README.md:2 mentions ${OLD_DOMAIN_FILE}, which is not in the repository`,
      'README.md:2 docs/gone.md: no file docs/gone.md',
      'README.md:2 docs/guide.md#nowhere: docs/guide.md has no heading #nowhere',
      `README.md:2 ${SHARED_FOLDER}/${OLD_DOMAIN_FILE} points outside the repository`,
      'README.md:3 docs/screenshots/none.png: no file docs/screenshots/none.png',
      'README.md:3 #not-here: README.md has no heading #not-here',
    ]);
  });
});
