// Runs the unit tests with node's built-in test runner (TypeScript through tsx).
// `node test/run-unit.mjs [filter…]` runs only the test files whose path contains a filter.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildIfNeeded } from '../scripts/vscode/common.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const filters = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.test.ts')) files.push(path.relative(root, full));
  }
};
walk(path.join(root, 'test', 'unit'));
const selected = files.sort().filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (selected.length === 0) {
  console.error(`no test file matches ${filters.join(' ')}`);
  process.exit(2);
}
// The LSP tests run dist/server.js, and the runner tests start scripts that build when dist/ is
// stale: one build here, before the files run in parallel, so none of them rebuilds under the others.
buildIfNeeded();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
