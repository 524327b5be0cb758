/**
 * The Batch modules of the Python SDKs: what a dotted import path names — a model class (or a
 * member of one), the models module itself, or something of a module this analysis cannot see
 * into — with the modules that re-export the models rewritten to the models' own path.
 */
import { PYTHON, type PythonPlane } from '../../batch/sdks';

/** What a dotted import path is, for Batch. */
export type Classified =
  /** A class (or a member of one, `ElevationLevel.admin`) of the Batch models. */
  | { readonly kind: 'class'; readonly plane: PythonPlane; readonly className: string; readonly members: readonly string[] }
  /** The models module itself. */
  | { readonly kind: 'models'; readonly plane: PythonPlane }
  /** Something from a module this analysis cannot see into: `lastName` is its final segment. */
  | { readonly kind: 'foreign'; readonly lastName: string };

/** Rewrites a path through a module that re-exports the models to the models' own path. */
export function normalizePath(path: string): string {
  for (const module of PYTHON.reexportingModules) {
    if (path === module || path.startsWith(module + '.')) return PYTHON.modelsModule + path.slice(module.length);
  }
  for (const module of PYTHON.serviceClientModules) {
    const models = module + '.models';
    if (path === models || path.startsWith(models + '.')) return PYTHON.modelsModule + path.slice(models.length);
  }
  return path;
}

function isPrivateOrModuleSegment(segment: string): boolean {
  const first = segment.charCodeAt(0);
  return segment.startsWith('_') || (first >= 97 && first <= 122);
}

export function classify(path: string): Classified {
  const normal = normalizePath(path);
  for (const [plane, module] of [
    ['data', PYTHON.modelsModule],
    ['mgmt', PYTHON.mgmtModelsModule],
  ] as const) {
    if (normal === module) return { kind: 'models', plane };
    if (!normal.startsWith(module + '.')) continue;
    // Skip submodules (`_models_py3`, the legacy one-module-per-class `task_add_parameter`).
    const segments = normal.slice(module.length + 1).split('.');
    let i = 0;
    while (i < segments.length - 1 && isPrivateOrModuleSegment(segments[i])) i++;
    // Model classes are CamelCase; `CURRENT_TASK` through a star import is not one of them.
    if (!/^[A-Z][A-Za-z0-9]*$/.test(segments[i]) || !/[a-z]/.test(segments[i])) break;
    return { kind: 'class', plane, className: segments[i], members: segments.slice(i + 1) };
  }
  const dot = normal.lastIndexOf('.');
  return { kind: 'foreign', lastName: normal.slice(dot + 1) };
}

export function isBatchPackagePath(path: string): boolean {
  const normal = normalizePath(path);
  return PYTHON.batchPackages.some((p) => normal === p || normal.startsWith(p + '.'));
}
