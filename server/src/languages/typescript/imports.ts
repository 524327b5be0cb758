/**
 * The Batch SDKs a file imports, and the names it binds to them: ES imports (`import * as batch`,
 * `import { BatchServiceModels as M }`, `import type …`), `import x = require(…)`, CommonJS
 * `require` (into a name or a destructuring pattern), re-exports and dynamic `import()`. Found from
 * the package names' occurrences in the text; the tree says what each occurrence is.
 */
import { JAVASCRIPT, type JsSdk, type StringQuote } from '../../batch/sdks';
import { field, type Node, type Tree } from '../toolkit/treeSitter';
import { stringContent, stringQuote } from './syntax';

/** A name bound to a Batch module: the module itself (`*`), its default export, or one export (`TaskAddParameter`). */
export interface Binding {
  readonly sdk: JsSdk;
  readonly imported: string;
}

/** The package a module name belongs to (`azure-batch/lib/models` → azure-batch), if Batch's. */
export function sdkOfModule(module: string): JsSdk | undefined {
  for (const [name, sdk] of Object.entries(JAVASCRIPT.packages)) if (module === name || module.startsWith(`${name}/`)) return sdk;
  return undefined;
}

export class BatchImports {
  /** The SDKs the file imports, in the order first seen. */
  readonly sdks: JsSdk[] = [];
  readonly bindings = new Map<string, Binding>();
  /** The quote of the first Batch module name (how the file writes strings, when nothing closer says). */
  quote: StringQuote | undefined;

  constructor(tree: Tree, text: string) {
    for (const name of Object.keys(JAVASCRIPT.packages)) {
      for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + name.length)) {
        const fragment = tree.rootNode.descendantForIndex(i, i + name.length);
        const literal = fragment?.type === 'string_fragment' ? fragment.parent : undefined;
        if (literal?.type !== 'string') continue;
        const module = stringContent(literal);
        const sdk = module !== undefined ? sdkOfModule(module) : undefined;
        if (sdk && this.read(literal, sdk)) {
          if (!this.sdks.includes(sdk)) this.sdks.push(sdk);
          this.quote ??= stringQuote(literal);
        }
      }
    }
  }

  /** The SDK of the file, when it imports exactly one. */
  get sdk(): JsSdk | undefined {
    return this.sdks.length === 1 ? this.sdks[0] : undefined;
  }

  get any(): boolean {
    return this.sdks.length > 0;
  }

  /** Reads the statement or call a module name stands in; false when the string is no import of it. */
  private read(literal: Node, sdk: JsSdk): boolean {
    const parent = literal.parent;
    if (!parent) return false;
    // import … from 'm' / export … from 'm' / import 'm'
    if ((parent.type === 'import_statement' || parent.type === 'export_statement') && field(parent, 'source')?.id === literal.id) {
      const clause = parent.namedChildren.find((c) => c?.type === 'import_clause');
      if (clause) this.clause(clause, sdk);
      return true;
    }
    // import batch = require('m')
    if (parent.type === 'import_require_clause') {
      const name = parent.namedChildren.find((c) => c?.type === 'identifier');
      if (name) this.bindings.set(name.text, { sdk, imported: '*' });
      return true;
    }
    // require('m') / import('m')
    const call = parent.type === 'arguments' ? parent.parent : undefined;
    const callee = call?.type === 'call_expression' ? field(call, 'function') : undefined;
    if (!call || !callee || (callee.text !== 'require' && callee.type !== 'import')) return false;
    this.requireTarget(call, sdk);
    return true;
  }

  private clause(clause: Node, sdk: JsSdk): void {
    for (const part of clause.namedChildren) {
      if (!part) continue;
      if (part.type === 'identifier') this.bindings.set(part.text, { sdk, imported: 'default' });
      else if (part.type === 'namespace_import') {
        const name = part.namedChildren.find((c) => c?.type === 'identifier');
        if (name) this.bindings.set(name.text, { sdk, imported: '*' });
      } else if (part.type === 'named_imports') {
        for (const specifier of part.namedChildren) {
          if (specifier?.type !== 'import_specifier') continue;
          const imported = field(specifier, 'name');
          const local = field(specifier, 'alias') ?? imported;
          if (imported && local) this.bindings.set(local.text, { sdk, imported: stringContent(imported) ?? imported.text });
        }
      }
    }
  }

  /** `const batch = require('m')`, `const { ServiceClient: C } = require('m')`, `require('m').ServiceClient`. */
  private requireTarget(call: Node, sdk: JsSdk): void {
    let value: Node = call;
    let imported = '*';
    const parent = call.parent;
    if (parent?.type === 'member_expression' && field(parent, 'object')?.id === call.id) {
      imported = field(parent, 'property')?.text ?? '*';
      value = parent;
    } else if (parent?.type === 'await_expression') value = parent;
    const declarator = value.parent;
    if (declarator?.type !== 'variable_declarator' || field(declarator, 'value')?.id !== value.id) return;
    const name = field(declarator, 'name');
    if (name?.type === 'identifier') this.bindings.set(name.text, { sdk, imported });
    else if (name?.type === 'object_pattern' && imported === '*') {
      for (const entry of name.namedChildren) {
        if (entry?.type === 'shorthand_property_identifier_pattern') this.bindings.set(entry.text, { sdk, imported: entry.text });
        else if (entry?.type === 'pair_pattern') {
          const key = field(entry, 'key');
          const local = field(entry, 'value');
          if (key && local?.type === 'identifier') this.bindings.set(local.text, { sdk, imported: key.text });
        }
      }
    }
  }

  /**
   * The Batch model a type names, past arrays and wrappers (`TaskAddParameter`, `M.StartTask`,
   * `BatchServiceModels.PoolAddParameter[]`, `Array<…>`, `Partial<…>`), or undefined.
   */
  modelOfType(type: Node | undefined): { sdk: JsSdk; model: string } | undefined {
    if (!type) return undefined;
    switch (type.type) {
      case 'type_annotation':
      case 'parenthesized_type':
      case 'readonly_type':
        return this.modelOfType(type.namedChild(0) ?? undefined);
      case 'array_type':
        return this.modelOfType(type.namedChild(0) ?? undefined);
      case 'generic_type': {
        const name = field(type, 'name');
        const args = field(type, 'type_arguments');
        if (name && ['Array', 'ReadonlyArray', 'Partial', 'Readonly', 'Required'].includes(name.text))
          return this.modelOfType(args?.namedChild(0) ?? undefined);
        return undefined;
      }
      case 'type_identifier': {
        const binding = this.bindings.get(type.text);
        return binding && binding.imported !== '*' && binding.imported !== 'default'
          ? { sdk: binding.sdk, model: binding.imported }
          : undefined;
      }
      case 'nested_type_identifier': {
        let module = field(type, 'module');
        while (module?.type === 'nested_identifier' || module?.type === 'member_expression') module = module.namedChild(0) ?? undefined;
        const binding = module && this.bindings.get(module.text);
        const name = field(type, 'name');
        return binding && name ? { sdk: binding.sdk, model: name.text } : undefined;
      }
      default:
        return undefined;
    }
  }
}
