/**
 * How the project wants a file written, read from its configuration on disk: the line length its
 * Python tooling enforces and what `.editorconfig` says of indentation, line length and line
 * breaks. The server and the CLI resolve it per file here and hand it to the engine
 * (`AnalyzeOptions.format`), which passes it to the renderers; nothing else reads it.
 *
 * Each tool's file is found the way that tool finds it (docs/fix-format.md cites them):
 * - black: the nearest `pyproject.toml` with a `[tool.black]` table, looking no further up than a
 *   folder holding `.git` or `.hg`; `line-length`, 88 by default.
 * - ruff: the nearest folder with `.ruff.toml`, `ruff.toml` or a `pyproject.toml` with a
 *   `[tool.ruff]` table, in that order of precedence; `line-length`, 88 by default.
 * - flake8: the nearest of `setup.cfg`, `tox.ini`, `.flake8` (in that order) with a `[flake8]`
 *   section (`pyproject.toml`'s `[tool.flake8]`, read by the Flake8-pyproject plugin, after them);
 *   `max-line-length`, 79 by default.
 * - pycodestyle: the nearest `setup.cfg` or `tox.ini` with a `[pycodestyle]` (or legacy `[pep8]`)
 *   section; `max-line-length`, 79 by default.
 * A tool counts only where its configuration is found (its default limit then applies); the
 * Python line length is the smallest limit of those tools and `.editorconfig`'s
 * `max_line_length`, so that no tool the project runs flags a line a fix wrote. Without any of
 * them nothing is set, and fixes are written as they always were.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as Editorconfig from 'editorconfig';
import type { Cache as EditorconfigCache, ProcessedFileConfig, Props } from 'editorconfig';
import { parse as parseToml } from 'smol-toml';
import { isFormatConfigFile } from '../../../common/formatFiles';
import { NO_FORMAT, type FileFormat } from '../engine/language';

/** The default limits of the tools, used where a tool is configured but its limit is not. */
export const TOOL_DEFAULT_LINE_LENGTH = { black: 88, ruff: 88, flake8: 79, pycodestyle: 79 } as const;
export type PythonTool = keyof typeof TOOL_DEFAULT_LINE_LENGTH;

/** A configuration file as read: a TOML document, INI sections, or nothing (absent, unreadable, malformed). */
type ConfigContent =
  { kind: 'toml'; data: Record<string, unknown> } | { kind: 'ini'; sections: Map<string, Map<string, string>> } | undefined;

/** Which tool set which limit, in which file: what the resolution found (tests and logs read it). */
export interface LineLengthSource {
  readonly tool: PythonTool | 'editorconfig';
  readonly file: string;
  readonly lineLength: number;
}

/** Entries kept per resolved file before the cache starts over (a workspace's files, not unbounded). */
const MAX_CACHED_FILES = 10_000;

export class FormatResolver {
  /** Configuration files read, by path (undefined content: absent or unreadable). */
  private readonly configs = new Map<string, ConfigContent>();
  /** Whether a folder holds `.git` or `.hg` (where black stops looking). */
  private readonly repositoryRoots = new Map<string, boolean>();
  private readonly editorconfigs: EditorconfigCache = new Map<string, ProcessedFileConfig>();
  private readonly resolved = new Map<string, { format: FileFormat; sources: LineLengthSource[] }>();

  /** The format of a file (an absolute path); `NO_FORMAT` when nothing is configured. */
  formatOf(file: string): FileFormat {
    return this.resolve(file).format;
  }

  /** Which tools' limits were found for a file, and where. */
  lineLengthSources(file: string): readonly LineLengthSource[] {
    return this.resolve(file).sources;
  }

  /**
   * A file changed on disk (or was created or deleted): when it is a format configuration file,
   * what was read is forgotten and resolved again on the next request. Whether it was one.
   */
  changed(file: string): boolean {
    if (!isFormatConfigFile(file)) return false;
    this.configs.clear();
    this.repositoryRoots.clear();
    (this.editorconfigs as Map<string, ProcessedFileConfig>).clear();
    this.resolved.clear();
    return true;
  }

  private resolve(file: string): { format: FileFormat; sources: LineLengthSource[] } {
    const absolute = path.resolve(file);
    let found = this.resolved.get(absolute);
    if (!found) {
      found = this.read(absolute);
      if (this.resolved.size >= MAX_CACHED_FILES) this.resolved.clear();
      this.resolved.set(absolute, found);
    }
    return found;
  }

  private read(file: string): { format: FileFormat; sources: LineLengthSource[] } {
    const editor = this.editorconfig(file);
    const sources: LineLengthSource[] = file.toLowerCase().endsWith('.py') ? this.pythonLimits(path.dirname(file)) : [];
    if (typeof editor.max_line_length === 'number' && editor.max_line_length > 0)
      sources.push({ tool: 'editorconfig', file: '.editorconfig', lineLength: editor.max_line_length });
    const format: { -readonly [K in keyof FileFormat]: FileFormat[K] } = {};
    if (sources.length > 0) format.maxLineLength = Math.min(...sources.map((s) => s.lineLength));
    if (editor.indent_style === 'tab') format.indentUnit = '\t';
    else if (editor.indent_style === 'space' && typeof editor.indent_size === 'number' && editor.indent_size > 0)
      format.indentUnit = ' '.repeat(editor.indent_size);
    if (editor.end_of_line === 'lf') format.endOfLine = '\n';
    else if (editor.end_of_line === 'crlf') format.endOfLine = '\r\n';
    return { format: Object.keys(format).length > 0 ? format : NO_FORMAT, sources };
  }

  private editorconfig(file: string): Props {
    try {
      // Loaded on first use: its WebAssembly and semver cost a check that writes no fix ~10 ms at start.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('editorconfig') as typeof Editorconfig).parseSync(file, { cache: this.editorconfigs });
    } catch {
      // An unreadable or malformed .editorconfig says nothing.
      return {};
    }
  }

  /** The limits of the Python tools configured for files of `folder`, each found as that tool finds its file. */
  private pythonLimits(folder: string): LineLengthSource[] {
    const sources: LineLengthSource[] = [];
    const found = new Set<PythonTool>();
    let blackStopped = false;
    for (let dir = folder; ; dir = path.dirname(dir)) {
      const pyproject = this.toml(path.join(dir, 'pyproject.toml'));
      const tool = (pyproject?.tool ?? {}) as Record<string, unknown>;
      if (!found.has('black') && !blackStopped && isTable(tool.black)) {
        found.add('black');
        sources.push(limit('black', path.join(dir, 'pyproject.toml'), tool.black));
      }
      // black looks no further than the repository's root.
      if (this.isRepositoryRoot(dir)) blackStopped = true;
      if (!found.has('ruff')) {
        const ruff = this.ruffConfig(dir, tool);
        if (ruff) {
          found.add('ruff');
          sources.push(limit('ruff', ruff.file, ruff.table));
        }
      }
      if (!found.has('flake8')) {
        const flake8 = this.iniSection(dir, ['setup.cfg', 'tox.ini', '.flake8'], ['flake8']);
        if (flake8) sources.push(iniLimit('flake8', flake8.file, flake8.section));
        else if (isTable(tool.flake8)) sources.push(limit('flake8', path.join(dir, 'pyproject.toml'), tool.flake8));
        if (flake8 || isTable(tool.flake8)) found.add('flake8');
      }
      if (!found.has('pycodestyle')) {
        const pycodestyle = this.iniSection(dir, ['setup.cfg', 'tox.ini'], ['pycodestyle', 'pep8']);
        if (pycodestyle) {
          found.add('pycodestyle');
          sources.push(iniLimit('pycodestyle', pycodestyle.file, pycodestyle.section));
        }
      }
      if (path.dirname(dir) === dir) break;
    }
    return sources;
  }

  /** ruff's configuration in one folder: `.ruff.toml`, then `ruff.toml`, then `pyproject.toml`'s `[tool.ruff]`. */
  private ruffConfig(dir: string, pyprojectTool: Record<string, unknown>): { file: string; table: unknown } | undefined {
    for (const name of ['.ruff.toml', 'ruff.toml']) {
      const own = this.toml(path.join(dir, name));
      if (own) return { file: path.join(dir, name), table: own };
    }
    return isTable(pyprojectTool.ruff) ? { file: path.join(dir, 'pyproject.toml'), table: pyprojectTool.ruff } : undefined;
  }

  /** The first of `names` in `dir` holding one of `sections`, with that section. */
  private iniSection(
    dir: string,
    names: readonly string[],
    sections: readonly string[],
  ): { file: string; section: Map<string, string> } | undefined {
    for (const name of names) {
      const content = this.config(path.join(dir, name), 'ini');
      if (content?.kind !== 'ini') continue;
      for (const section of sections) {
        const found = content.sections.get(section);
        if (found) return { file: path.join(dir, name), section: found };
      }
    }
    return undefined;
  }

  private toml(file: string): Record<string, unknown> | undefined {
    const content = this.config(file, 'toml');
    return content?.kind === 'toml' ? content.data : undefined;
  }

  private config(file: string, kind: 'toml' | 'ini'): ConfigContent {
    if (this.configs.has(file)) return this.configs.get(file);
    let content: ConfigContent;
    try {
      const text = fs.readFileSync(file, 'utf8');
      content = kind === 'toml' ? { kind, data: parseToml(text) as Record<string, unknown> } : { kind, sections: parseIni(text) };
    } catch {
      // Absent, unreadable or malformed: the tool would refuse it too; it sets nothing here.
      content = undefined;
    }
    this.configs.set(file, content);
    return content;
  }

  private isRepositoryRoot(dir: string): boolean {
    let root = this.repositoryRoots.get(dir);
    if (root === undefined) {
      root = fs.existsSync(path.join(dir, '.git')) || fs.existsSync(path.join(dir, '.hg'));
      this.repositoryRoots.set(dir, root);
    }
    return root;
  }
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A TOML table's `line-length` (black also takes `line_length`), else the tool's default. */
function limit(tool: PythonTool, file: string, table: unknown): LineLengthSource {
  const values = isTable(table) ? table : {};
  const value = values['line-length'] ?? values.line_length ?? values['max-line-length'] ?? values.max_line_length;
  const lineLength = typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : TOOL_DEFAULT_LINE_LENGTH[tool];
  return { tool, file, lineLength };
}

/** An INI section's `max-line-length` (flake8 and pycodestyle also take `max_line_length`), else the tool's default. */
function iniLimit(tool: PythonTool, file: string, section: Map<string, string>): LineLengthSource {
  const value = section.get('max-line-length') ?? section.get('max_line_length');
  const lineLength = value !== undefined && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : TOOL_DEFAULT_LINE_LENGTH[tool];
  return { tool, file, lineLength };
}

/**
 * The sections of an INI file as Python's configparser reads flake8's and pycodestyle's: `[name]`
 * headers, `key = value` or `key: value`, `#` and `;` comment lines, indented continuation lines
 * (which only lists use; a limit is one line). Keys lower case, as configparser keeps them.
 */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split(/\r\n|\n|\r/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (/^\s/.test(line) && current) continue; // a continuation of the previous value
    const header = /^\[([^\]]+)\]$/.exec(trimmed);
    if (header) {
      current = sections.get(header[1].trim()) ?? new Map<string, string>();
      sections.set(header[1].trim(), current);
      continue;
    }
    const separator = trimmed.search(/[=:]/);
    if (!current || separator <= 0) continue;
    current.set(trimmed.slice(0, separator).trim().toLowerCase(), trimmed.slice(separator + 1).trim());
  }
  return sections;
}
