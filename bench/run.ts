/**
 * `npm run bench`: speed and memory, measured side by side with their baselines in one run, on
 * generated inputs. Prints a table and writes bench/results.json. Not part of the test suite:
 * timings belong here, never in assertions.
 *
 * Options: --lines N (source file size, default 10000), --json-mb N (default 5), --tree-mb N
 * (workspace size, default 100), --edits N (default 200), --files N (default 200),
 * --load-seconds N (the sustained load, default 120), --open-docs N (documents open for the load
 * and account rows, default 300), --scan-pairs N (runs of each scan measure, each paired with an
 * `rg -l` run, default 7), --only a,b (rows: edit, navigation, scan, start, rss, bundles, load,
 * keystroke, opening), --quick (small sizes, for trying the bench itself).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseTree } from 'jsonc-parser';
import { LANGUAGE_TABLE, languageOfPath } from '../common/languages';
import { parserFor } from '../server/src/parsing/treeSitter';
import { LspClient } from '../test/helpers/lspClient';
import { BENCH_LANGUAGES, extensionOf, sourceFile, taskCollection, workspaceTree, type BenchLanguage } from './generate';
import { accountKeystroke, openingAccountDocuments, sustainedLoad } from './load';

const root = path.resolve(__dirname, '..');
const work = path.join(__dirname, '.work');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LINES = option('lines', quick ? 2000 : 10000);
const JSON_MB = option('json-mb', quick ? 1 : 5);
const TREE_MB = option('tree-mb', quick ? 10 : 100);
const EDITS = option('edits', quick ? 50 : 200);
const FILES = option('files', quick ? 50 : 200);
const LOAD_SECONDS = option('load-seconds', quick ? 10 : 120);
const OPEN_DOCS = option('open-docs', quick ? 60 : 300);
/** Runs of each scan measure, each paired with an `rg -l` run. */
const SCAN_PAIRS = option('scan-pairs', quick ? 3 : 7);
const onlyIndex = args.indexOf('--only');
const ONLY = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : undefined;
const measures = (row: string) => !ONLY || ONLY.has(row);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function coldParse(language: BenchLanguage, text: string): Promise<number> {
  const times: number[] = [];
  if (language === 'json') {
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      parseTree(text, [], { allowTrailingComma: true });
      times.push(ms(t));
    }
  } else {
    const parser = await parserFor(LANGUAGE_TABLE[language].grammar);
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      parser.parse(text)?.delete();
      times.push(ms(t));
    }
  }
  return median(times);
}

/** Typing in the middle of ordinary code: insert a character, then delete it, and so on. */
async function editLatency(language: BenchLanguage, text: string): Promise<{ p50: number; p95: number; max: number; findings: number }> {
  const client = new LspClient();
  await client.initialize();
  const uri = `file:///bench/big${extensionOf(language)}`;
  await client.open(uri, language, text);
  const first = await client.diagnosticsFor(uri, (p) => p.version === 1);
  // Edit spots spread over the file, inside ordinary code (a comment word, a property value).
  const needle = language === 'json' ? '"constraints"' : language === 'python' ? 'Sum the digits' : 'Sum the digits';
  const spots: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) spots.push(i + 1);
  const lines = text.split('\n');
  const positionOf = (offset: number) => {
    let line = 0;
    let rest = offset;
    while (rest > lines[line].length) {
      rest -= lines[line].length + 1;
      line++;
    }
    return { line, character: rest };
  };
  const times: number[] = [];
  let version = 1;
  for (let k = 0; k < EDITS; k++) {
    const at = positionOf(spots[(k * 7919) % spots.length]);
    const insert = k % 2 === 0;
    version++;
    const change = insert
      ? { range: { start: at, end: at }, text: 'x' }
      : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    const started = process.hrtime.bigint();
    const published = client.diagnosticsFor(uri, (p) => p.version === version);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await published;
    times.push(ms(started));
    // Keep the text as it was: an insert is undone by the next edit at the same spot.
    if (!insert) continue;
    const undoAt = at;
    version++;
    const undone = client.diagnosticsFor(uri, (p) => p.version === version);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: undoAt, end: { line: undoAt.line, character: undoAt.character + 1 } }, text: '' }],
    });
    await undone;
  }
  await client.close();
  return { p50: median(times), p95: percentile(times, 95), max: Math.max(...times), findings: first.diagnostics.length };
}

async function coldStart(): Promise<number> {
  const text = sourceFile('csharp', 200, 10);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    const client = new LspClient();
    await client.initialize();
    const uri = 'file:///bench/start.cs';
    await client.open(uri, 'csharp', text);
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    times.push(ms(started));
    await client.close();
  }
  return median(times);
}

async function rssAfterOpening(files: number): Promise<{ rssMb: number; files: number }> {
  const client = new LspClient();
  await client.initialize();
  const waits: Promise<unknown>[] = [];
  for (let i = 0; i < files; i++) {
    const language = BENCH_LANGUAGES[i % BENCH_LANGUAGES.length];
    const text = language === 'json' ? taskCollection(40_000, 5) : sourceFile(language, 800, 10);
    const uri = `file:///bench/open/file-${i}${extensionOf(language)}`;
    waits.push(client.diagnosticsFor(uri, (p) => p.version === 1));
    await client.open(uri, language, text);
  }
  await Promise.all(waits);
  const status = fs.readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  await client.close();
  return { rssMb: rssKb / 1024, files };
}

function timeOnce(command: string, commandArgs: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { stdio: 'ignore', maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  return ms(started);
}

/** A command timed against `rg -l` run right before it, pair after pair: the medians, and the median of the pairs' ratios. */
interface Paired {
  readonly ms: number;
  readonly rgMs: number;
  readonly ratio: number;
}

/**
 * On a shared machine other work comes and goes within seconds: each run is paired with an `rg -l`
 * run just before it, and the ratio is the median of the pairs' (`before` runs, unmeasured, before
 * each of the command's runs: emptying the cache, changing a file).
 */
function pairedWithRg(rgArgs: string[], command: string, commandArgs: string[], before?: (rep: number) => void, runs = SCAN_PAIRS): Paired {
  const times: number[] = [];
  const rgTimes: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const rg = timeOnce('rg', rgArgs);
    before?.(i);
    const own = timeOnce(command, commandArgs);
    times.push(own);
    rgTimes.push(rg);
    ratios.push(own / rg);
  }
  return { ms: median(times), rgMs: median(rgTimes), ratio: median(ratios) };
}

interface ScanTimes {
  /** `--no-cache`: every file read, every candidate analysed (what a scan was before the cache). */
  readonly noCache: Paired;
  /** The first run into an empty cache location: the cold scan, writing the cache. */
  readonly cold: Paired;
  /** The unchanged tree again, cache warm. */
  readonly warm: Paired;
  /** After one file without an identity word changed (the common case: 99 % of the tree). */
  readonly changedPlain: Paired;
  /** After one C# file with runElevated changed: it is parsed again (the C# grammar compiled first). */
  readonly changedBatch: Paired;
  readonly node: Paired;
  /** A plain Node script that lists the tree and stats every file: the floor of any re-scan that must notice a changed file. */
  readonly walkStat: Paired;
  readonly candidates: string[];
  readonly files: number;
  readonly batchFiles: number;
  readonly mb: number;
}

function workspaceScan(): ScanTimes | { skipped: string } {
  if (spawnSync('rg', ['--version']).status !== 0) return { skipped: 'ripgrep (rg) is not installed' };
  const tree = path.join(work, `tree-${TREE_MB}mb`);
  const stamp = path.join(tree, '.stamp.json');
  if (!fs.existsSync(stamp)) {
    fs.rmSync(tree, { recursive: true, force: true });
    const made = workspaceTree(tree, TREE_MB);
    fs.writeFileSync(stamp, JSON.stringify(made));
  }
  const made = JSON.parse(fs.readFileSync(stamp, 'utf8')) as { files: number; batchFiles: number; bytes: number };
  // A repository of its own, as a checked-out workspace is: otherwise its project root (the CLI also
  // reads the rest of a checked path's project) would be this checkout, bench/.work included.
  fs.mkdirSync(path.join(tree, '.git'), { recursive: true });
  const words = [
    'RunElevated',
    'runElevated',
    'run_elevated',
    'UserIdentity',
    'userIdentity',
    'user_identity',
    'UserAccount',
    'userAccounts',
    'user_accounts',
  ];
  const rgArgs = ['-l', ...words.flatMap((w) => ['-e', w]), tree];
  const candidates = spawnSync('rg', rgArgs, { encoding: 'utf8', maxBuffer: 1 << 26 })
    .stdout.split('\n')
    .filter(Boolean);
  const cli = path.join(root, 'dist', 'cli.js');
  const cache = path.join(work, 'cache');
  const check = (...extra: string[]) => [cli, 'check', '--format', 'json', ...extra, tree];
  const emptyCache = () => fs.rmSync(cache, { recursive: true, force: true });
  timeOnce(process.execPath, check('--no-cache')); // the page cache warm
  const noCache = pairedWithRg(rgArgs, process.execPath, check('--no-cache'));
  const cold = pairedWithRg(rgArgs, process.execPath, check('--cache-location', cache), emptyCache);
  timeOnce(process.execPath, check('--cache-location', cache)); // a second run: nothing changed since the first
  const warm = pairedWithRg(rgArgs, process.execPath, check('--cache-location', cache));
  // One file changed before each run, each time with new content (a new line), restored at the end.
  const plainFile = path.join(tree, 'module-3', 'csharp', 'file-300.cs');
  const batchFile = candidates.find((f) => f.endsWith('.cs'))!;
  if (words.some((w) => fs.readFileSync(plainFile, 'utf8').includes(w))) throw new Error(`${plainFile} is not a plain file`);
  const changed = (file: string) => {
    const original = fs.readFileSync(file);
    try {
      return pairedWithRg(rgArgs, process.execPath, check('--cache-location', cache), (rep) =>
        fs.appendFileSync(file, `\n// bench edit ${Date.now()} ${rep}\n`),
      );
    } finally {
      fs.writeFileSync(file, original);
      timeOnce(process.execPath, check('--cache-location', cache)); // the cache of the restored file
    }
  };
  const changedPlain = changed(plainFile);
  const changedBatch = changed(batchFile);
  // Where the gap comes from: what a Node process costs before it reads a file, and what listing
  // the tree and stat-ing every file costs a plain Node script.
  const node = pairedWithRg(rgArgs, process.execPath, ['-e', '0']);
  const walkStatScript =
    "const fs=require('fs');(function walk(d){for(const e of fs.readdirSync(d,{withFileTypes:true})){const f=d+'/'+e.name;if(e.isDirectory())walk(f);else if(e.isFile())fs.statSync(f);}})(process.argv[1])";
  const walkStat = pairedWithRg(rgArgs, process.execPath, ['-e', walkStatScript, tree]);
  return {
    noCache,
    cold,
    warm,
    changedPlain,
    changedBatch,
    node,
    walkStat,
    candidates,
    files: made.files,
    batchFiles: made.batchFiles,
    mb: made.bytes / 1024 / 1024,
  };
}

/** One parse of each file by the product's parser for its language (grammars loaded beforehand). */
async function parseAll(files: readonly string[]): Promise<number> {
  const texts = files
    .map((f) => ({ language: languageOfPath(f) as BenchLanguage | undefined, text: fs.readFileSync(f, 'utf8') }))
    .filter((f): f is { language: BenchLanguage; text: string } => f.language !== undefined);
  for (const language of BENCH_LANGUAGES) if (language !== 'json') await parserFor(LANGUAGE_TABLE[language].grammar);
  const started = process.hrtime.bigint();
  for (const { language, text } of texts) {
    if (language === 'json') parseTree(text, [], { allowTrailingComma: true });
    else (await parserFor(LANGUAGE_TABLE[language].grammar)).parse(text)?.delete();
  }
  return ms(started);
}

function bundleSizes(): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const file of ['extension.js', 'server.js', 'cli.js', 'cli-engine.js'])
    sizes[file] = fs.statSync(path.join(root, 'dist', file)).size;
  sizes['wasm (4 files)'] = fs
    .readdirSync(path.join(root, 'dist', 'wasm'))
    .reduce((n, f) => n + fs.statSync(path.join(root, 'dist', 'wasm', f)).size, 0);
  const vsix = path.join(root, 'batch-identity.vsix');
  if (fs.existsSync(vsix)) sizes['.vsix'] = fs.statSync(vsix).size;
  return sizes;
}

interface Row {
  readonly measure: string;
  readonly value: string;
  readonly baseline: string;
  readonly target: string;
  readonly met: boolean | undefined;
}

async function main(): Promise<void> {
  fs.mkdirSync(work, { recursive: true });
  if (!fs.existsSync(path.join(root, 'dist', 'server.js'))) throw new Error('build first: npm run build');
  const rows: Row[] = [];
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    options: { LINES, JSON_MB, TREE_MB, EDITS, FILES, LOAD_SECONDS, OPEN_DOCS },
  };

  for (const language of measures('edit') ? (['csharp', 'java', 'python', 'json', 'typescript'] as BenchLanguage[]) : []) {
    await measureEdit(language, rows, results);
  }
  for (const language of measures('navigation') ? (['csharp', 'java', 'python', 'json'] as BenchLanguage[]) : []) {
    await measureNavigation(language, rows, results);
  }
  if (measures('scan')) await measureScan(rows, results);
  if (measures('start')) {
    const start = await coldStart();
    rows.push({
      measure: 'server cold start → first diagnostics (C#)',
      value: `${start.toFixed(0)} ms`,
      baseline: '',
      target: '≤ 300 ms',
      met: start <= 300,
    });
    results.coldStartMs = start;
  }
  if (measures('rss')) {
    const rss = await rssAfterOpening(FILES);
    rows.push({
      measure: `server RSS after opening ${rss.files} files`,
      value: `${rss.rssMb.toFixed(0)} MB`,
      baseline: '',
      target: '≤ 150 MB',
      met: rss.rssMb <= 150,
    });
    results.rss = rss;
  }
  if (measures('bundles')) {
    const sizes = bundleSizes();
    for (const [name, size] of Object.entries(sizes)) {
      rows.push({
        measure: `bundle ${name}`,
        value: `${(size / 1024).toFixed(0)} KB`,
        baseline: '',
        target: name === '.vsix' ? '≤ 5 MB' : '',
        met: name === '.vsix' ? size <= 5 * 1024 * 1024 : undefined,
      });
    }
    results.bundles = sizes;
  }
  if (measures('load')) {
    const load = await sustainedLoad({ seconds: LOAD_SECONDS, documents: OPEN_DOCS, active: 20, editsPerSecond: 50 });
    const flat = load.rssEndMb <= load.rssAfterWarmUpMb * 1.15;
    rows.push({
      measure: `load: 50 edits/s over 20 of ${OPEN_DOCS} open documents, code action per edit, hover per 5, ${LOAD_SECONDS} s (request p50 / p95 / max)`,
      value: `${load.p50.toFixed(0)} / ${load.p95.toFixed(0)} / ${load.max.toFixed(0)} ms`,
      baseline:
        `${load.requests} requests (${load.superseded} superseded), staleness p50 / p95 ${load.stalenessP50.toFixed(0)} / ${load.stalenessP95.toFixed(0)} ms, ` +
        `RSS ${load.rssAfterWarmUpMb.toFixed(0)} MB after warm-up → ${load.rssEndMb.toFixed(0)} MB (max ${load.rssMaxMb.toFixed(0)})`,
      target: 'p95 < 250 ms, memory flat',
      met: load.p95 < 250 && flat && load.failed === 0,
    });
    results.load = load;
    console.error('measured load');
  }
  if (measures('keystroke')) {
    const naming = Math.round(OPEN_DOCS / 10);
    const keystroke = await accountKeystroke(OPEN_DOCS, naming);
    rows.push({
      measure: `keystroke in an account name, ${OPEN_DOCS} documents open (${naming} name it)`,
      value: `${keystroke.ms.toFixed(0)} ms, ${keystroke.analyses} analyses, ${keystroke.publications} publications`,
      baseline: `${keystroke.rechecks} re-check (after a 300 ms pause)`,
      target: `one re-check of the ${naming} naming it`,
      met: keystroke.analyses === naming + 1 && keystroke.rechecks === 1,
    });
    results.keystroke = keystroke;
    console.error('measured keystroke');
  }
  if (measures('opening')) {
    const half = await openingAccountDocuments(Math.round(OPEN_DOCS / 2));
    const full = await openingAccountDocuments(OPEN_DOCS);
    const ratio = full.ms / half.ms;
    rows.push({
      measure: `opening ${OPEN_DOCS} documents that define and name accounts`,
      value: `${full.ms.toFixed(0)} ms, ${full.analyses} analyses, ${full.publications} publications, ${full.rssMb.toFixed(0)} MB`,
      baseline: `${half.documents}: ${half.ms.toFixed(0)} ms, ${half.analyses} analyses (time ratio ${ratio.toFixed(2)})`,
      target: 'linear: ≤ 2.5 × the time of half, ≤ 2 analyses per document',
      met: ratio <= 2.5 && full.analyses <= 2 * full.documents,
    });
    results.opening = { half, full, ratio };
    console.error('measured opening');
  }

  const header = ['measure', 'value', 'baseline (same run)', 'target', 'met'];
  const table = [header, ...rows.map((r) => [r.measure, r.value, r.baseline, r.target, r.met === undefined ? '' : r.met ? 'yes' : 'NO'])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  results.rows = rows;
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote bench/results.json`);
}

async function measureEdit(language: BenchLanguage, rows: Row[], results: Record<string, unknown>): Promise<void> {
  const text = language === 'json' ? taskCollection(JSON_MB * 1024 * 1024) : sourceFile(language, LINES);
  const parse = await coldParse(language, text);
  const edit = await editLatency(language, text);
  const size = language === 'json' ? `${JSON_MB} MB` : `${LINES} lines`;
  const ratio = edit.p50 / parse;
  const met = ratio <= 0.2 && (language !== 'csharp' || edit.p50 <= 10);
  rows.push({
    measure: `edit → diagnostics, ${language} ${size} (p50 / p95 / max)`,
    value: `${edit.p50.toFixed(1)} / ${edit.p95.toFixed(1)} / ${edit.max.toFixed(1)} ms`,
    baseline: `cold parse ${parse.toFixed(1)} ms (ratio ${ratio.toFixed(2)})`,
    target: language === 'csharp' ? 'p50 ≤ 0.2 × parse and ≤ 10 ms' : 'p50 ≤ 0.2 × parse',
    met,
  });
  results[`edit.${language}`] = { ...edit, coldParseMs: parse, ratio, bytes: text.length };
  console.error(`measured ${language}`);
}

/**
 * Inlay hints and document symbols of a big open file, asked as an editor asks after each edit:
 * served from the kept analysis, so each should cost a small part of a parse.
 */
async function measureNavigation(language: BenchLanguage, rows: Row[], results: Record<string, unknown>): Promise<void> {
  const text = language === 'json' ? taskCollection(JSON_MB * 1024 * 1024) : sourceFile(language, LINES);
  const parse = await coldParse(language, text);
  const client = new LspClient();
  await client.initialize();
  const uri = `file:///bench/navigation${extensionOf(language)}`;
  await client.open(uri, language, text);
  await client.diagnosticsFor(uri, (p) => p.version === 1);
  // VS Code asks for the hints of the lines on screen (and a little around), the symbols of the whole file.
  const lines = text.split('\n').length;
  const screen = { start: { line: Math.floor(lines / 2), character: 0 }, end: { line: Math.floor(lines / 2) + 100, character: 0 } };
  const time = async (method: string, params: unknown) => {
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < 20; i++) {
      const started = process.hrtime.bigint();
      count = ((await client.connection.sendRequest(method, params)) as unknown[]).length;
      times.push(ms(started));
    }
    return { p50: median(times), count };
  };
  const hints = await time('textDocument/inlayHint', { textDocument: { uri }, range: screen });
  const symbols = await time('textDocument/documentSymbol', { textDocument: { uri } });
  await client.close();
  const size = language === 'json' ? `${JSON_MB} MB` : `${LINES} lines`;
  const worst = Math.max(hints.p50, symbols.p50);
  rows.push({
    measure: `inlay hints of 100 lines / document symbols, ${language} ${size} (p50; ${hints.count} hints, ${symbols.count} symbols)`,
    value: `${hints.p50.toFixed(1)} / ${symbols.p50.toFixed(1)} ms`,
    baseline: `cold parse ${parse.toFixed(1)} ms (ratio ${(worst / parse).toFixed(2)})`,
    target: '≤ 0.2 × parse',
    met: worst <= 0.2 * parse,
  });
  results[`navigation.${language}`] = {
    hintsMs: hints.p50,
    symbolsMs: symbols.p50,
    hints: hints.count,
    symbols: symbols.count,
    coldParseMs: parse,
  };
}

async function measureScan(rows: Row[], results: Record<string, unknown>): Promise<void> {
  const scan = workspaceScan();
  if ('skipped' in scan) {
    rows.push({ measure: 'workspace scan', value: 'skipped', baseline: scan.skipped, target: '≤ 3 × rg', met: undefined });
    console.error('measured scan');
    return;
  }
  const rg = (p: Paired) => `rg -l ${p.rgMs.toFixed(0)} ms (ratio ${p.ratio.toFixed(2)})`;
  const row = (measure: string, p: Paired, target: string, limit: number): Row => ({
    measure,
    value: `${p.ms.toFixed(0)} ms`,
    baseline: rg(p),
    target,
    met: p.ratio <= limit,
  });
  // "The cold scan no slower than today" (issue 17): today's scan is --no-cache, measured in the same
  // run; their medians compared directly (a 1.5 s run divided by a 70 ms rg run takes on rg's jitter),
  // 5 % for noise.
  const NOISE = 1.05;
  rows.push(
    {
      measure: `workspace scan, ${scan.mb.toFixed(0)} MB, ${scan.files} files (${scan.batchFiles} Batch), --no-cache`,
      value: `${scan.noCache.ms.toFixed(0)} ms`,
      baseline: rg(scan.noCache),
      target: '(what every scan cost before the cache)',
      met: undefined,
    },
    {
      ...row('  cold: into an empty cache (written)', scan.cold, '≤ --no-cache (+5 %)', Infinity),
      met: scan.cold.ms <= scan.noCache.ms * NOISE,
    },
    row('  warm: the unchanged tree again', scan.warm, '≤ 2 × rg', 2),
    row('  after one file changed (no identity word)', scan.changedPlain, '≤ 2.5 × rg', 2.5),
    row('  after one C# file with runElevated changed', scan.changedBatch, '≤ 2.5 × rg', 2.5),
    {
      measure: '  of which: node start / listing and stat of every file (plain Node script)',
      value: `${scan.node.ms.toFixed(0)} / ${scan.walkStat.ms.toFixed(0)} ms`,
      baseline: `${scan.node.ratio.toFixed(1)} / ${scan.walkStat.ratio.toFixed(1)} × rg`,
      target: '',
      met: undefined,
    },
  );
  const parseMs = await parseAll(scan.candidates);
  rows.push({
    measure: `  of which: parsing the ${scan.candidates.length} files rg finds (grammars loaded)`,
    value: `${parseMs.toFixed(0)} ms`,
    baseline: `${(parseMs / scan.warm.rgMs).toFixed(1)} × rg`,
    target: '',
    met: undefined,
  });
  const { candidates, ...times } = scan;
  results.scan = { ...times, parseMs, candidates: candidates.length };
  console.error('measured scan');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
