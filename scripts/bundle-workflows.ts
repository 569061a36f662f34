// Writes the workflow bundle the worker loads (WORKFLOW_BUNDLE_PATH), once per build.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleDubanWorkflows, REPO_ROOT } from './lib/workflow-bundle';

async function main(): Promise<void> {
  const target = path.join(REPO_ROOT, 'dist/workflows/workflow-bundle.js');
  const code = await bundleDubanWorkflows();
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, code);
  console.log(`Workflow bundle: ${path.relative(REPO_ROOT, target)} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
