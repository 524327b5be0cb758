/**
 * Java names → declarations: the local, parameter or field a name refers to (nearest scope first),
 * its uses, what it is assigned, and the object creation an expression stands for; whether the
 * file declares a type of a name. Every question starts at a node found from a word and walks up or
 * across from it; nothing here walks the whole tree.
 */
import type { Words } from '../toolkit/text';
import { field, nodeAt, sameNode, usesIn, type Node, type Tree } from '../toolkit/treeSitter';
import { chainThrough, isBuilderName, isTypeDeclaration, namedChildren } from './syntax';

export interface Declaration {
  readonly name: string;
  readonly nameNode: Node;
  /** The declared type; absent for untyped lambda parameters. `var` is kept as written. */
  readonly typeNode?: Node;
  /** The initializer. */
  readonly valueNode?: Node;
  /** The node whose range the name is visible in. */
  readonly scope: Node;
  /** Fields are visible before their declaration; locals only after. */
  readonly isField: boolean;
  readonly key: string;
}

const BLOCK_SCOPES = new Set(['block', 'constructor_body', 'switch_block_statement_group', 'switch_rule']);
const CLASS_BODIES = new Set(['class_body', 'enum_body_declarations', 'interface_body', 'enum_body', 'record_declaration_body']);
/** A type's name follows one of these keywords where the type is declared. */
const DECLARATION_KEYWORD_BEFORE = /\b(?:class|interface|enum|record)\s+$/;

/** The file's symbol table: declarations and their uses, each cached for the analysis. */
export class SymbolTable {
  private readonly declarationsByScope = new Map<number, Map<string, Declaration[]>>();
  private readonly declaredTypes = new Map<string, boolean>();
  private readonly assignedValues = new Map<string, Node | undefined>();
  private readonly text: string;

  constructor(
    private readonly tree: Tree,
    private readonly words: Words,
  ) {
    this.text = words.text;
  }

  /** Whether this file declares a class, interface, enum or record of that name. */
  declaresType(name: string): boolean {
    let declared = this.declaredTypes.get(name);
    if (declared !== undefined) return declared;
    declared = false;
    for (const offset of this.words.of(name)) {
      // Only an occurrence right after a declaration keyword can be one; the tree confirms it.
      if (!DECLARATION_KEYWORD_BEFORE.test(this.text.slice(Math.max(0, offset - 20), offset))) continue;
      const node = nodeAt(this.tree, offset, offset + name.length);
      if (node?.type === 'identifier' && node.parent && isTypeDeclaration(node.parent) && sameNode(field(node.parent, 'name'), node)) {
        declared = true;
        break;
      }
    }
    this.declaredTypes.set(name, declared);
    return declared;
  }

  /** The declaration an identifier refers to, nearest scope first. */
  declarationOf(identifier: Node): Declaration | undefined {
    const name = identifier.text;
    for (let n = identifier.parent; n; n = n.parent) {
      const found = this.declarationsIn(n).get(name);
      if (!found) continue;
      let best: Declaration | undefined;
      for (const d of found) if (d.isField || d.nameNode.startIndex <= identifier.startIndex) best = d;
      if (best) return best;
      if (CLASS_BODIES.has(n.type)) return undefined;
    }
    return undefined;
  }

  /** The field `name` of the class enclosing `node` (for `this.name`). */
  fieldOf(node: Node, name: string): Declaration | undefined {
    for (let n = node.parent; n; n = n.parent) {
      if (CLASS_BODIES.has(n.type)) return this.declarationsIn(n).get(name)?.[0];
    }
    return undefined;
  }

  /** Declarations made directly in one scope node, by name (cached per node). */
  private declarationsIn(scope: Node): Map<string, Declaration[]> {
    let map = this.declarationsByScope.get(scope.id);
    if (map) return map;
    map = new Map();
    this.declarationsByScope.set(scope.id, map);
    const add = (nameNode: Node | undefined, typeNode: Node | undefined, valueNode: Node | undefined, isField: boolean) => {
      if (!nameNode || nameNode.type !== 'identifier') return;
      const d: Declaration = { name: nameNode.text, nameNode, typeNode, valueNode, scope, isField, key: `java:var:${nameNode.startIndex}` };
      const list = map!.get(d.name);
      if (list) list.push(d);
      else map!.set(d.name, [d]);
    };
    const addDeclarators = (decl: Node, isField: boolean) => {
      const type = field(decl, 'type');
      for (const d of decl.childrenForFieldName('declarator')) {
        if (d) add(field(d, 'name'), type, field(d, 'value'), isField);
      }
    };
    const addParameters = (params: Node | undefined) => {
      for (const p of namedChildren(params)) {
        if (p.type === 'formal_parameter') add(field(p, 'name'), field(p, 'type'), undefined, false);
        else if (p.type === 'spread_parameter') {
          const declarator = namedChildren(p).find((c) => c.type === 'variable_declarator');
          add(
            declarator && field(declarator, 'name'),
            namedChildren(p).find((c) => c.type.endsWith('type') || c.type === 'type_identifier'),
            undefined,
            false,
          );
        } else if (p.type === 'identifier') add(p, undefined, undefined, false);
      }
    };
    if (BLOCK_SCOPES.has(scope.type)) {
      for (const child of namedChildren(scope)) if (child.type === 'local_variable_declaration') addDeclarators(child, false);
    } else if (CLASS_BODIES.has(scope.type)) {
      for (const child of namedChildren(scope)) {
        if (child.type === 'field_declaration' || child.type === 'constant_declaration') addDeclarators(child, true);
      }
    } else if (scope.type === 'method_declaration' || scope.type === 'constructor_declaration' || scope.type === 'record_declaration') {
      addParameters(field(scope, 'parameters'));
    } else if (scope.type === 'lambda_expression') {
      const params = field(scope, 'parameters');
      if (params?.type === 'identifier') add(params, undefined, undefined, false);
      else addParameters(params);
    } else if (scope.type === 'for_statement') {
      for (const init of scope.childrenForFieldName('init')) if (init?.type === 'local_variable_declaration') addDeclarators(init, false);
    } else if (scope.type === 'enhanced_for_statement') {
      add(field(scope, 'name'), field(scope, 'type'), undefined, false);
    } else if (scope.type === 'catch_clause') {
      const param = namedChildren(scope).find((c) => c.type === 'catch_formal_parameter');
      if (param) add(field(param, 'name'), undefined, undefined, false);
    } else if (scope.type === 'try_with_resources_statement') {
      for (const r of namedChildren(field(scope, 'resources')))
        if (r.type === 'resource') add(field(r, 'name'), field(r, 'type'), field(r, 'value'), false);
    }
    return map;
  }

  /** The variable an expression is stored in (`T x = e;`, `x = e;`, `this.x = e;`). */
  assignedTo(expression: Node): Declaration | undefined {
    const parent = expression.parent;
    if (parent?.type === 'variable_declarator' && sameNode(field(parent, 'value'), expression)) {
      const name = field(parent, 'name');
      return name ? this.declarationOf(name) : undefined;
    }
    if (parent?.type === 'assignment_expression' && sameNode(field(parent, 'right'), expression)) {
      const left = field(parent, 'left');
      return left ? this.referenceDeclaration(left) : undefined;
    }
    return undefined;
  }

  /** The declaration behind `x` or `this.x`. */
  referenceDeclaration(node: Node): Declaration | undefined {
    if (node.type === 'identifier') return this.declarationOf(node);
    if (node.type === 'field_access' && field(node, 'object')?.type === 'this') {
      const name = field(node, 'field');
      return name ? this.fieldOf(node, name.text) : undefined;
    }
    return undefined;
  }

  /** The field behind `Outer.X`, where `Outer` is a class enclosing the expression (a constant of the class's own). */
  ownStaticField(node: Node): Declaration | undefined {
    const qualifier = field(node, 'object');
    const name = field(node, 'field');
    if (node.type !== 'field_access' || qualifier?.type !== 'identifier' || !name) return undefined;
    for (let n = node.parent; n; n = n.parent) {
      if (!isTypeDeclaration(n) || field(n, 'name')?.text !== qualifier.text) continue;
      const body = field(n, 'body');
      return body
        ? this.declarationsIn(body)
            .get(name.text)
            ?.find((d) => d.isField)
        : undefined;
    }
    return undefined;
  }

  /** The value a local declared without one is given by its only assignment (`String pw; pw = "…";`). */
  onlyAssignedValue(declaration: Declaration): Node | undefined {
    // Only a local variable's declarator: a parameter holds what the caller passes.
    if (declaration.valueNode || declaration.isField || declaration.nameNode.parent?.type !== 'variable_declarator') return undefined;
    if (this.assignedValues.has(declaration.key)) return this.assignedValues.get(declaration.key);
    const assigned: Node[] = [];
    let plain = true;
    for (const use of this.usesOf(declaration)) {
      const parent = use.parent;
      if (parent?.type === 'assignment_expression' && sameNode(field(parent, 'left'), use)) {
        const right = field(parent, 'right');
        if (right && field(parent, 'operator')?.text === '=') assigned.push(right);
        else plain = false;
      }
    }
    const value = plain && assigned.length === 1 ? assigned[0] : undefined;
    this.assignedValues.set(declaration.key, value);
    return value;
  }

  /**
   * The object creation an expression stands for: `new T()…builders`, or a variable initialised
   * with one (followed once).
   */
  creationBehind(expression: Node, followVariables = true): Node | undefined {
    if (expression.type === 'object_creation_expression') return expression;
    if (expression.type === 'method_invocation') {
      const chain = chainThrough(expression);
      if (
        chain.root?.type === 'object_creation_expression' &&
        sameNode(chain.outer, expression) &&
        chain.segments.every((s) => isBuilderName(s.name))
      )
        return chain.root;
      return undefined;
    }
    if (followVariables && (expression.type === 'identifier' || expression.type === 'field_access')) {
      const declaration = this.referenceDeclaration(expression);
      const initial = declaration?.valueNode && this.creationBehind(declaration.valueNode, false);
      if (initial) return initial;
      // Declared empty and assigned once later: `T x; … x = new T()…;`
      return declaration ? this.assignedCreation(declaration) : undefined;
    }
    return undefined;
  }

  private assignedCreation(declaration: Declaration): Node | undefined {
    for (const use of this.usesOf(declaration)) {
      const parent = use.parent;
      if (parent?.type === 'assignment_expression' && sameNode(field(parent, 'left'), use)) {
        const right = field(parent, 'right');
        return right && this.creationBehind(right, false);
      }
    }
    return undefined;
  }

  /** Identifiers after the declaration, in its scope, that refer to it (`this.x` for a field stands for it whole). */
  usesOf(declaration: Declaration): Node[] {
    const range = {
      start: declaration.isField ? declaration.scope.startIndex : declaration.nameNode.endIndex,
      end: declaration.scope.endIndex,
    };
    return usesIn(this.tree, this.words, declaration.name, range, declaration.nameNode.startIndex, (node) => {
      const member = node.parent?.type === 'field_access' && sameNode(field(node.parent, 'field'), node);
      const reference = member && field(node.parent!, 'object')?.type === 'this' ? node.parent! : node;
      // `other.x` is a member of another object, named like the variable.
      if (member && reference === node) return undefined;
      return this.referenceDeclaration(reference)?.key === declaration.key ? reference : undefined;
    });
  }
}
