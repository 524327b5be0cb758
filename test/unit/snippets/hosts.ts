/**
 * The least code a snippet needs around it to compile or run: the imports every Batch file of
 * that language has, a method (or module, or JSON body) to insert it into, and for pool snippets
 * the pool their first tab stop names. The body goes in as the editor inserts it.
 */
import { SNIPPET_NAMES, type SnippetDefinition, type SnippetLanguage } from '../../../server/src/batch/snippets';
import { expand, type ExpandOptions } from './expand';

/** The body as the editor inserts it on a line indented by `indent`: leading tabs become four spaces, later lines take the line's indentation. */
export function insertAt(expanded: string, indent: string): string {
  return expanded
    .split('\n')
    .map((line, i) => (i === 0 ? '' : indent) + line.replace(/^\t+/, (tabs) => '    '.repeat(tabs.length)))
    .join('\n');
}

/** `batch-autouser-admin` → `BatchAutouserAdmin` (+ a suffix per variant), a class or namespace name. */
export function identifierOf(prefix: string, suffix = ''): string {
  return prefix.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('') + suffix;
}

export interface Hosted {
  /** The whole source. */
  readonly text: string;
  /** The class, namespace or file stem the snippet sits in. */
  readonly name: string;
}

export function hostCSharp(snippet: SnippetDefinition, options: ExpandOptions = {}): Hosted {
  const name = identifierOf(snippet.prefix, options.choice === 'last' ? 'Last' : '');
  const indent = ' '.repeat(12);
  const body = indent + insertAt(expand(snippet.bodies.csharp, options), indent);
  const pool = snippet.target === 'pool';
  const text = `using System;
using System.Collections.Generic;
using Microsoft.Azure.Batch;
using Microsoft.Azure.Batch.Common;

namespace ${name}
{
    public static class Host
    {
        public static void Run(${pool ? `CloudPool ${SNIPPET_NAMES.pool}` : ''})
        {
${body}
        }
    }
}
`;
  return { text, name };
}

export function hostJava(snippet: SnippetDefinition, options: ExpandOptions = {}): Hosted {
  const name = identifierOf(snippet.prefix, options.choice === 'last' ? 'Last' : '');
  const indent = ' '.repeat(8);
  const body = indent + insertAt(expand(snippet.bodies.java, options), indent);
  const pool = snippet.target === 'pool';
  const text = `import com.microsoft.azure.batch.protocol.models.*;
import java.util.Arrays;

class ${name} {
    static void run(${pool ? `PoolAddParameter ${SNIPPET_NAMES.pool}` : ''}) {
${body}
    }
}
`;
  return { text, name };
}

export function hostPython(snippet: SnippetDefinition, options: ExpandOptions = {}): Hosted {
  const name = identifierOf(snippet.prefix, options.choice === 'last' ? 'Last' : '');
  const body = insertAt(expand(snippet.bodies.python, options), '');
  const pool = snippet.target === 'pool';
  const text = `import os

import azure.batch.models as batchmodels

${pool ? `${SNIPPET_NAMES.pool} = batchmodels.PoolAddParameter(id='pool1', vm_size='standard_d2s_v3')\n` : ''}${body}
`;
  return { text, name };
}

/** A task snippet is a whole add-task body; a pool snippet goes into an add-pool body. */
export function hostJson(snippet: SnippetDefinition, options: ExpandOptions = {}): Hosted {
  const name = identifierOf(snippet.prefix, options.choice === 'last' ? 'Last' : '');
  const expanded = expand(snippet.bodies.json, options);
  if (snippet.target === 'task') return { text: insertAt(expanded, '') + '\n', name };
  const indent = ' '.repeat(4);
  return { text: `{\n${indent}"id": "pool1",\n${indent}"vmSize": "standard_d2s_v3",\n${indent}${insertAt(expanded, indent)}\n}\n`, name };
}

/**
 * A task snippet inside an async function given the client; a pool snippet in the pool literal of a
 * `pool.add`. Without `typed`, JavaScript: no type annotation (the `import type` is TypeScript's).
 */
export function hostTypeScript(snippet: SnippetDefinition, options: ExpandOptions & { readonly javascript?: boolean } = {}): Hosted {
  const name = identifierOf(snippet.prefix, options.choice === 'last' ? 'Last' : '');
  const expanded = expand(snippet.bodies.typescript, options);
  const indent = ' '.repeat(snippet.target === 'pool' ? 4 : 2);
  const body = indent + insertAt(expanded, indent);
  const header = options.javascript
    ? `const { BatchServiceClient } = require('@azure/batch');\n\nexports.run = async function run(batchClient) {`
    : `import { BatchServiceClient } from '@azure/batch';\n\nexport async function run(batchClient: BatchServiceClient): Promise<void> {`;
  const inner =
    snippet.target === 'pool'
      ? `  await batchClient.pool.add({\n    id: 'pool1',\n    vmSize: 'standard_d2s_v3',\n${body}\n  });`
      : body;
  return { text: `${header}\n${inner}\n}${options.javascript ? ';' : ''}\n`, name };
}

export const HOSTS: Readonly<Record<SnippetLanguage, (snippet: SnippetDefinition, options?: ExpandOptions) => Hosted>> = {
  csharp: hostCSharp,
  java: hostJava,
  python: hostPython,
  json: hostJson,
  typescript: hostTypeScript,
};
