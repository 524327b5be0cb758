/**
 * The server under load and with many documents (issue 19), for `npm run bench`:
 *
 * - `sustainedLoad`: 300 open documents, edits at a steady rate over 20 of them (code in four
 *   languages, and pools whose account names are typed in, which the other documents name), with a
 *   code-action request after each edit (as an editor asks on each cursor move) and a hover after
 *   every fifth; request latency, staleness (edit → diagnostics of that version or a newer one) and
 *   the server's memory over the run.
 * - `accountKeystroke`: one keystroke in a pool account name with 300 documents open: what it costs
 *   (analyses counted from the server's trace) and how long until the documents naming the account
 *   show it.
 * - `openingAccountDocuments`: opening N documents that each define an account and name another's,
 *   at once: time, analyses and publications, at N and N/2 (linear means about twice the time).
 */
import * as fs from 'fs';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { frame, LspClient } from '../test/helpers/lspClient';
import { accountPool, extensionOf, namedUserTasks, sourceFile, type BenchLanguage } from './generate';

/** What VS Code declares that matters here: pulled settings, code actions resolved when chosen. */
const VSCODE_LIKE = {
  workspace: { configuration: true },
  textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } },
};

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

interface Position {
  line: number;
  character: number;
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Opens documents in one write (as an editor restoring a session does) and waits for the first diagnostics of each. */
async function openAll(client: LspClient, documents: { uri: string; languageId: string; text: string }[]): Promise<void> {
  const published = documents.map((d) => client.diagnosticsFor(d.uri, (p) => p.version === 1));
  client.process.stdin!.write(
    Buffer.concat(
      documents.map((d) =>
        frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { ...d, version: 1 } } })),
      ),
    ),
  );
  await Promise.all(published);
}

export interface LoadResult {
  readonly seconds: number;
  readonly edits: number;
  readonly requests: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Requests superseded by a newer edit (ContentModified) or failed otherwise. */
  readonly superseded: number;
  readonly failed: number;
  readonly stalenessP50: number;
  readonly stalenessP95: number;
  /** Edits whose version (or a newer one) was never published before the end. */
  readonly neverPublished: number;
  readonly rssAfterOpenMb: number;
  /** After the warm-up (10 s, or a quarter of a shorter run): trees kept, grammars compiled. */
  readonly rssAfterWarmUpMb: number;
  readonly rssEndMb: number;
  readonly rssMaxMb: number;
}

export async function sustainedLoad(options: {
  seconds: number;
  documents: number;
  active: number;
  editsPerSecond: number;
}): Promise<LoadResult> {
  const client = new LspClient();
  await client.initialize(VSCODE_LIKE);
  const pid = client.process.pid!;
  const languages: Exclude<BenchLanguage, 'json'>[] = ['csharp', 'java', 'python'];
  // Pools: each defines 10 accounts; the background task collections name them.
  const pools = 4;
  const poolNames = (p: number) => Array.from({ length: 10 }, (_, k) => `user-${p}-${k}`);
  const allNames = Array.from({ length: pools }, (_, p) => poolNames(p)).flat();
  const documents: { uri: string; languageId: string; text: string }[] = [];
  for (let p = 0; p < pools; p++)
    documents.push({ uri: `file:///load/pools/pool-${p}.json`, languageId: 'json', text: accountPool(`pool-${p}`, poolNames(p)) });
  for (let i = 0; documents.length < options.active; i++) {
    const language = languages[i % languages.length];
    documents.push({
      uri: `file:///load/active/file-${i}${extensionOf(language)}`,
      languageId: language,
      text: sourceFile(language, 800, 10),
    });
  }
  for (let i = 0; documents.length < options.documents; i++) {
    if (i % 2 === 0) {
      documents.push({
        uri: `file:///load/tasks/tasks-${i}.json`,
        languageId: 'json',
        text: namedUserTasks(allNames.slice(i % 30, (i % 30) + 8), 40),
      });
    } else {
      const language = languages[i % languages.length];
      documents.push({
        uri: `file:///load/other/file-${i}${extensionOf(language)}`,
        languageId: language,
        text: sourceFile(language, 400, 20),
      });
    }
  }
  await openAll(client, documents);
  const rssAfterOpen = rssMb(pid);

  // The 20 documents edited: the pools (in an account name) and the active code files (in a comment).
  const active = documents.slice(0, options.active).map((d) => {
    const spot = d.uri.includes('/pools/') ? d.text.indexOf('"user-') + 7 : d.text.indexOf('Sum the digits', d.text.length / 3) + 4;
    return { uri: d.uri, at: positionOf(d.text, spot), version: 1, inserted: false };
  });
  const latest = new Map<string, PublishDiagnosticsParams>();
  const pending = new Map<string, { version: number; sent: bigint }[]>();
  const staleness: number[] = [];
  // From here on this handler replaces the helper's own (its `diagnosticsFor` is not used any more).
  client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p);
    const waiting = pending.get(p.uri);
    if (!waiting || p.version === undefined) return;
    while (waiting.length > 0 && waiting[0].version <= p.version) staleness.push(ms(waiting.shift()!.sent));
  });

  const latencies: number[] = [];
  let superseded = 0;
  let failed = 0;
  const inFlight = new Set<Promise<unknown>>();
  const request = (method: string, params: unknown) => {
    const sent = process.hrtime.bigint();
    const answer = client.connection.sendRequest(method, params).then(
      (result) => {
        latencies.push(ms(sent));
        return result;
      },
      (error: { code?: number }) => {
        latencies.push(ms(sent));
        if (error.code === -32801 || error.code === -32800) superseded++;
        else failed++;
      },
    );
    inFlight.add(answer);
    void answer.finally(() => inFlight.delete(answer));
  };

  const rss: number[] = [];
  let rssAfterWarmUp = NaN;
  const warmUpMs = Math.min(10, options.seconds / 4) * 1000;
  const sampler = setInterval(() => rss.push(rssMb(pid)), 1000);
  const started = process.hrtime.bigint();
  let edits = 0;
  await new Promise<void>((resolve) => {
    const interval = 1000 / options.editsPerSecond;
    const tick = () => {
      const elapsed = ms(started);
      if (elapsed >= options.seconds * 1000) return resolve();
      if (Number.isNaN(rssAfterWarmUp) && elapsed >= warmUpMs) rssAfterWarmUp = rssMb(pid);
      // Catch up to the schedule (timers drift under load): the rate is what the bench promises.
      while (edits < Math.floor(elapsed / interval) + 1) {
        const document = active[edits % active.length];
        document.version++;
        const range = document.inserted
          ? { start: document.at, end: { line: document.at.line, character: document.at.character + 1 } }
          : { start: document.at, end: document.at };
        const text = document.inserted ? '' : 'x';
        document.inserted = !document.inserted;
        const list = pending.get(document.uri) ?? [];
        list.push({ version: document.version, sent: process.hrtime.bigint() });
        pending.set(document.uri, list);
        void client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: document.uri, version: document.version },
          contentChanges: [{ range, text }],
        });
        // The editor asks for code actions where the cursor is, with the diagnostics it shows there.
        const shown: Diagnostic[] = latest.get(document.uri)?.diagnostics ?? [];
        request('textDocument/codeAction', {
          textDocument: { uri: document.uri },
          range: { start: document.at, end: document.at },
          context: { diagnostics: shown.slice(0, 1), triggerKind: 2 },
        });
        if (edits % 5 === 0) {
          const target = shown[0]?.range.start ?? document.at;
          request('textDocument/hover', { textDocument: { uri: document.uri }, position: target });
        }
        edits++;
      }
      setTimeout(tick, interval / 2);
    };
    tick();
  });
  clearInterval(sampler);
  await Promise.all([...inFlight]);
  const rssEnd = rssMb(pid);
  const neverPublished = [...pending.values()].reduce((n, list) => n + list.length, 0);
  await client.close();
  return {
    seconds: options.seconds,
    edits,
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: Math.max(...latencies),
    superseded,
    failed,
    stalenessP50: percentile(staleness, 50),
    stalenessP95: percentile(staleness, 95),
    neverPublished,
    rssAfterOpenMb: rssAfterOpen,
    rssAfterWarmUpMb: rssAfterWarmUp,
    rssEndMb: rssEnd,
    rssMaxMb: Math.max(...rss, rssEnd),
  };
}

export interface KeystrokeResult {
  readonly documents: number;
  readonly naming: number;
  readonly analyses: number;
  readonly rechecks: number;
  /** Diagnostics published after the keystroke until its effect is shown everywhere, and the server is idle. */
  readonly publications: number;
  readonly ms: number;
}

/** One keystroke in an account name that `naming` of `documents` open documents name. */
export async function accountKeystroke(documents: number, naming: number): Promise<KeystrokeResult> {
  const client = new LspClient();
  await client.initialize(VSCODE_LIKE, undefined, { trace: 'messages' });
  const poolUri = 'file:///keystroke/pool.json';
  const others = Array.from({ length: 10 }, (_, k) => `other-${k}`);
  const poolText = accountPool('pool', ['ops', ...others]);
  await client.open(poolUri, 'json', poolText);
  await client.diagnosticsFor(poolUri, (p) => p.version === 1);
  const tasks = Array.from({ length: documents - 1 }, (_, i) => ({
    uri: `file:///keystroke/tasks-${i}.json`,
    languageId: 'json',
    text: namedUserTasks(i < naming ? ['ops', 'other-1'] : [others[i % others.length]], 20),
  }));
  await openAll(client, tasks);
  await client.roundTrip();
  const traced = client.traces().length;
  const publishedBefore = client.published.length;
  const at = positionOf(poolText, poolText.indexOf('"ops"') + 4);
  const shown = tasks
    .slice(0, naming)
    .map((t) => client.diagnosticsFor(t.uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-user')));
  const started = process.hrtime.bigint();
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: poolUri, version: 2 },
    contentChanges: [{ range: { start: at, end: at }, text: 'X' }],
  });
  await Promise.all(shown);
  const took = ms(started);
  await client.roundTrip();
  const lines = client.traces().slice(traced);
  const publications = client.published.length - publishedBefore;
  await client.close();
  return {
    documents,
    naming,
    publications,
    analyses: lines.filter((l) => l.startsWith('analysed ')).length,
    rechecks: lines.filter((l) => l.startsWith('re-checking ')).length,
    ms: took,
  };
}

export interface OpeningResult {
  readonly documents: number;
  readonly ms: number;
  readonly analyses: number;
  readonly publications: number;
  readonly rssMb: number;
}

/** Opens `documents` documents at once, each defining an account and naming the next one's. */
export async function openingAccountDocuments(documents: number): Promise<OpeningResult> {
  const client = new LspClient();
  await client.initialize(VSCODE_LIKE, undefined, { trace: 'messages' });
  const uri = (i: number) => `file:///opening/pool-${i}.py`;
  // A task, not the pool's start task: a start task is judged against its own pool's accounts only.
  const text = (i: number) =>
    'import os\nfrom azure.batch import models\n\n' +
    `pool = models.PoolAddParameter(id='pool-${i}', vm_size='standard_d2s_v3', user_accounts=[models.UserAccount(name='user-${i}', password=os.environ['PW'])])\n` +
    `task = models.TaskAddParameter(id='task-${i}', command_line='x', user_identity=models.UserIdentity(user_name='user-${(i + 1) % documents}'))\n`;
  const clean = Array.from({ length: documents }, (_, i) =>
    client.diagnosticsFor(uri(i), (p) => !p.diagnostics.some((d) => d.code === 'unknown-user')),
  );
  const started = process.hrtime.bigint();
  await openAll(
    client,
    Array.from({ length: documents }, (_, i) => ({ uri: uri(i), languageId: 'python', text: text(i) })),
  );
  await Promise.all(clean);
  const took = ms(started);
  await client.roundTrip();
  const rss = rssMb(client.process.pid!);
  const result = {
    documents,
    ms: took,
    analyses: client.traces().filter((l) => l.startsWith('analysed ')).length,
    publications: client.published.length,
    rssMb: rss,
  };
  await client.close();
  return result;
}
