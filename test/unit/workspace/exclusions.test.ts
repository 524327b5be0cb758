/**
 * What Migrate Workspace leaves out (`workspace/exclusions.ts` through the walk): git's rules for
 * `.gitignore` files at every depth, the repository's files above the folder and
 * `.git/info/exclude`, and VS Code's `files.exclude` with its sibling clauses.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { WorkspaceExclusions, type FilesExclude } from '../../../server/src/workspace/exclusions';
import { collectFiles } from '../../../server/src/workspace/walk';
import { scratchTrees } from '../../helpers/cli';

const tree = scratchTrees('bi-exclusions');

function walked(folder: string, filesExclude?: FilesExclude): { files: string[]; excluded: number } {
  const exclusions = new WorkspaceExclusions(folder, filesExclude);
  const { files } = collectFiles([folder], { exclude: exclusions.exclude });
  return { files: files.map((f) => path.relative(folder, f).split(path.sep).join('/')), excluded: exclusions.excluded };
}

describe('workspace exclusions', () => {
  it('.gitignore at every depth: directory patterns, globs, anchored names, a deeper ! re-including', () => {
    const root = tree({
      '.gitignore': 'generated/\n*.local.json\n/top.json\n',
      'generated/a.json': '{}',
      'src/generated/b.json': '{}',
      'src/a.local.json': '{}',
      'src/top.json': '{}',
      'top.json': '{}',
      'src/.gitignore': '!keep.local.json\nsecret/\n',
      'src/keep.local.json': '{}',
      'src/secret/c.cs': '',
      'other/secret/d.cs': '',
      'src/ok.py': '',
    });
    const { files, excluded } = walked(root);
    assert.deepEqual(files, ['other/secret/d.cs', 'src/keep.local.json', 'src/ok.py', 'src/top.json']);
    assert.equal(excluded, 5);
  });

  it('a folder inside a repository: the .gitignore files above it and .git/info/exclude count', () => {
    const repo = tree({
      '.git/info/exclude': '*.tmp.cs\n',
      '.gitignore': 'build-output/\n',
      'app/.gitignore': '*.gen.py\n',
      'app/folder/a.tmp.cs': '',
      'app/folder/build-output/b.cs': '',
      'app/folder/c.gen.py': '',
      'app/folder/d.cs': '',
    });
    assert.deepEqual(walked(path.join(repo, 'app', 'folder')).files, ['d.cs']);
  });

  it('files.exclude: globs relative to the folder, switched off with false, sibling clauses', () => {
    const root = tree({
      'vendor/a.cs': '',
      'src/vendor/b.cs': '',
      'src/task.json': '{}',
      'src/task.jsonc': '{}',
      'src/other.json': '{}',
      'logs/x.py': '',
      'keep/y.py': '',
    });
    const { files } = walked(root, {
      '**/vendor': true,
      '**/*.json': { when: '$(basename).jsonc' },
      'logs/**': true,
      'keep/**': false,
    });
    assert.deepEqual(files, ['keep/y.py', 'src/other.json', 'src/task.jsonc']);
  });
});
