/**
 * workspace/format.ts on real configuration files in temporary folders: each Python tool's file is
 * found as that tool finds it (black: the nearest pyproject.toml with [tool.black], not past the
 * repository root; ruff: .ruff.toml, ruff.toml, then pyproject.toml's [tool.ruff]; flake8:
 * setup.cfg, tox.ini, .flake8 with [flake8]; pycodestyle: setup.cfg, tox.ini with [pycodestyle]),
 * a configured tool without a limit has its default, the smallest limit wins, and .editorconfig
 * (through the editorconfig package) gives indentation, line length and line breaks. What was read
 * is kept until a configuration file changes.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { NO_FORMAT } from '../../../server/src/engine/language';
import { FormatResolver, parseIni } from '../../../server/src/workspace/format';
import { scratchTrees } from '../../helpers/cli';

const tree = scratchTrees('bi-format');

/** A tree whose root is a repository (black looks no further) and whose .editorconfig is the root one (editorconfig looks no further). */
function project(files: Record<string, string>): string {
  const root = tree({ '.editorconfig': 'root = true\n', ...files });
  fs.mkdirSync(path.join(root, '.git'));
  return root;
}

const formatOf = (root: string, file: string) => new FormatResolver().formatOf(path.join(root, file));
const sources = (root: string, file: string) =>
  new FormatResolver().lineLengthSources(path.join(root, file)).map((s) => [s.tool, path.relative(root, s.file), s.lineLength]);

describe('the Python line length, as each tool finds its configuration', () => {
  it('no configuration: no format at all (fixes are written as before)', () => {
    const root = project({ 'pkg/tasks.py': '' });
    assert.equal(formatOf(root, 'pkg/tasks.py'), NO_FORMAT);
  });

  it('black: [tool.black] line-length of the nearest pyproject.toml that has the table', () => {
    const root = project({
      'pyproject.toml': '[tool.black]\nline-length = 79\n',
      'pkg/pyproject.toml': '[project]\nname = "pkg"\n',
      'pkg/tasks.py': '',
    });
    assert.deepEqual(formatOf(root, 'pkg/tasks.py'), { maxLineLength: 79 });
    assert.deepEqual(sources(root, 'pkg/tasks.py'), [['black', 'pyproject.toml', 79]]);
  });

  it('black: a [tool.black] table without line-length means 88; none beyond the repository root', () => {
    const outer = tree({ 'pyproject.toml': '[tool.black]\nline-length = 60\n' });
    const root = path.join(outer, 'repo');
    fs.mkdirSync(path.join(root, '.git'), { recursive: true });
    fs.writeFileSync(path.join(root, '.editorconfig'), 'root = true\n');
    fs.writeFileSync(path.join(root, 'tasks.py'), '');
    assert.equal(formatOf(root, 'tasks.py'), NO_FORMAT, 'black stops at .git');
    fs.writeFileSync(path.join(root, 'pyproject.toml'), '[tool.black]\nskip-string-normalization = true\n');
    assert.deepEqual(formatOf(root, 'tasks.py'), { maxLineLength: 88 });
  });

  it('ruff: .ruff.toml before ruff.toml before [tool.ruff]; the nearest folder with one wins', () => {
    const root = project({
      'pyproject.toml': '[tool.ruff]\nline-length = 100\n',
      'a/ruff.toml': 'line-length = 90\n',
      'a/.ruff.toml': 'line-length = 72\n',
      'a/tasks.py': '',
      'b/ruff.toml': 'line-length = 90\n',
      'b/pyproject.toml': '[tool.ruff]\nline-length = 110\n',
      'b/tasks.py': '',
      'c/tasks.py': '',
    });
    assert.deepEqual(sources(root, 'a/tasks.py'), [['ruff', 'a/.ruff.toml', 72]]);
    assert.deepEqual(sources(root, 'b/tasks.py'), [['ruff', 'b/ruff.toml', 90]]);
    assert.deepEqual(sources(root, 'c/tasks.py'), [['ruff', 'pyproject.toml', 100]]);
  });

  it('flake8: setup.cfg, tox.ini, .flake8 in that order, the first with a [flake8] section; max-line-length or max_line_length', () => {
    const root = project({
      'setup.cfg': '[metadata]\nname = pkg\n',
      'tox.ini': '[tox]\nenvlist = py3\n\n[flake8]\nmax_line_length = 99\nextend-ignore =\n    E203,\n    W503\n',
      '.flake8': '[flake8]\nmax-line-length = 120\n',
      'tasks.py': '',
    });
    assert.deepEqual(sources(root, 'tasks.py'), [['flake8', 'tox.ini', 99]]);
  });

  it('flake8 configured without a limit has its default, 79; [tool.flake8] (Flake8-pyproject) counts too', () => {
    assert.deepEqual(sources(project({ '.flake8': '[flake8]\nextend-ignore = E203\n', 'x.py': '' }), 'x.py'), [['flake8', '.flake8', 79]]);
    assert.deepEqual(sources(project({ 'pyproject.toml': '[tool.flake8]\nmax-line-length = 95\n', 'x.py': '' }), 'x.py'), [
      ['flake8', 'pyproject.toml', 95],
    ]);
  });

  it('pycodestyle: [pycodestyle] (or the legacy [pep8]) of setup.cfg or tox.ini', () => {
    assert.deepEqual(sources(project({ 'setup.cfg': '[pycodestyle]\nmax-line-length: 100\n', 'x.py': '' }), 'x.py'), [
      ['pycodestyle', 'setup.cfg', 100],
    ]);
    assert.deepEqual(sources(project({ 'tox.ini': '[pep8]\nmax-line-length = 90\n', 'x.py': '' }), 'x.py'), [
      ['pycodestyle', 'tox.ini', 90],
    ]);
  });

  it('several tools: the smallest limit, so that none of them flags a line a fix wrote', () => {
    const root = project({
      'pyproject.toml': '[tool.black]\nline-length = 100\n\n[tool.ruff]\nline-length = 100\n',
      'setup.cfg': '[flake8]\nmax-line-length = 79\n',
      'src/tasks.py': '',
    });
    assert.deepEqual(formatOf(root, 'src/tasks.py'), { maxLineLength: 79 });
    assert.deepEqual(sources(root, 'src/tasks.py'), [
      ['black', 'pyproject.toml', 100],
      ['ruff', 'pyproject.toml', 100],
      ['flake8', 'setup.cfg', 79],
    ]);
  });

  it('a malformed pyproject.toml sets nothing (black and ruff refuse it too)', () => {
    assert.equal(formatOf(project({ 'pyproject.toml': '[tool.black\nline-length = 79\n', 'x.py': '' }), 'x.py'), NO_FORMAT);
  });

  it("only Python files get the Python tools' limit", () => {
    const root = project({ 'pyproject.toml': '[tool.black]\nline-length = 79\n', 'task.json': '{}' });
    assert.equal(formatOf(root, 'task.json'), NO_FORMAT);
  });
});

describe('.editorconfig', () => {
  it('indentation, line length and line breaks of the sections matching the file; the nearer file wins', () => {
    const root = project({
      '.editorconfig':
        'root = true\n\n[*]\nindent_style = space\nindent_size = 4\nend_of_line = crlf\n\n[*.json]\nindent_size = 2\nmax_line_length = 100\n',
      'api/.editorconfig': '[*.json]\nindent_style = tab\nend_of_line = lf\n',
      'task.json': '{}',
      'api/task.json': '{}',
      'tasks.py': '',
    });
    assert.deepEqual(formatOf(root, 'task.json'), { maxLineLength: 100, indentUnit: '  ', endOfLine: '\r\n' });
    assert.deepEqual(formatOf(root, 'api/task.json'), { maxLineLength: 100, indentUnit: '\t', endOfLine: '\n' });
    assert.deepEqual(formatOf(root, 'tasks.py'), { indentUnit: '    ', endOfLine: '\r\n' });
  });

  it("max_line_length = off and unset values set nothing; its limit counts with the tools'", () => {
    const root = project({
      '.editorconfig': 'root = true\n[*]\nmax_line_length = off\nindent_style = unset\n[*.py]\nmax_line_length = 72\n',
      'pyproject.toml': '[tool.black]\nline-length = 88\n',
      'x.py': '',
      'x.json': '{}',
    });
    assert.equal(formatOf(root, 'x.json'), NO_FORMAT);
    assert.deepEqual(formatOf(root, 'x.py'), { maxLineLength: 72 });
  });
});

describe('what was read is kept until a configuration file changes', () => {
  it('a changed pyproject.toml is read again after changed(); other files do not clear anything', () => {
    const root = project({ 'pyproject.toml': '[tool.black]\nline-length = 79\n', 'x.py': '' });
    const resolver = new FormatResolver();
    const file = path.join(root, 'x.py');
    assert.deepEqual(resolver.formatOf(file), { maxLineLength: 79 });
    fs.writeFileSync(path.join(root, 'pyproject.toml'), '[tool.black]\nline-length = 100\n');
    assert.deepEqual(resolver.formatOf(file), { maxLineLength: 79 }, 'kept');
    assert.equal(resolver.changed(path.join(root, 'x.py')), false);
    assert.deepEqual(resolver.formatOf(file), { maxLineLength: 79 }, 'a source file is no configuration');
    assert.equal(resolver.changed(path.join(root, 'pyproject.toml')), true);
    assert.deepEqual(resolver.formatOf(file), { maxLineLength: 100 });
    fs.writeFileSync(path.join(root, '.editorconfig'), 'root = true\n[*]\nindent_style = tab\n');
    assert.equal(resolver.changed(path.join(root, '.editorconfig')), true);
    assert.deepEqual(resolver.formatOf(file), { maxLineLength: 100, indentUnit: '\t' });
  });
});

describe('INI files as configparser reads them', () => {
  it('sections, = and :, comments, continuation lines, keys in lower case', () => {
    const sections = parseIni(
      '# top\n[flake8]\nMax-Line-Length = 99\nignore =\n    E203,\n    W503\n; note\n[pycodestyle]\nmax_line_length: 88\n',
    );
    assert.deepEqual(Object.fromEntries([...sections].map(([k, v]) => [k, Object.fromEntries(v)])), {
      flake8: { 'max-line-length': '99', ignore: '' },
      pycodestyle: { max_line_length: '88' },
    });
  });
});
