/**
 * The configuration files that say how a project's files are written (server/src/workspace/format.ts
 * reads them): `.editorconfig`, and the line length of the Python tooling — black and ruff in
 * `pyproject.toml`, ruff in `ruff.toml`/`.ruff.toml`, flake8 and pycodestyle in `setup.cfg`,
 * `tox.ini` and `.flake8`. The client watches them, so a change reaches the server's fixes.
 */
export const FORMAT_CONFIG_FILES = [
  '.editorconfig',
  'pyproject.toml',
  'ruff.toml',
  '.ruff.toml',
  'setup.cfg',
  'tox.ini',
  '.flake8',
] as const;

/** Whether a path names one of the format configuration files (by its last segment, exactly). */
export function isFormatConfigFile(file: string): boolean {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return (FORMAT_CONFIG_FILES as readonly string[]).includes(name);
}
