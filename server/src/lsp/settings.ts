/**
 * Settings per document. Clients that support `workspace/configuration` (VS Code) are asked per
 * resource and the answer cached until the configuration changes; other clients may send them in
 * `initializationOptions.settings` or `workspace/didChangeConfiguration`.
 */
import type { Connection, InitializeParams } from 'vscode-languageserver';
import { resolveSettings, type Settings } from '../../../common/settings';

export class SettingsProvider {
  private pull = false;
  private pushed: Settings = resolveSettings(undefined);
  private readonly cache = new Map<string, Promise<Settings>>();
  /** The answers received so far: what `known` returns without waiting. */
  private readonly answered = new Map<string, Settings>();

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.pull = !!params.capabilities.workspace?.configuration;
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial !== undefined) this.pushed = resolveSettings(initial);
  }

  /**
   * `workspace/didChangeConfiguration`: pushed settings replace the current ones; pulled ones are
   * asked for again. (The server owns the one handler a connection allows for this notification.)
   */
  changed(pushed: unknown): void {
    const section = (pushed as Record<string, unknown> | null | undefined)?.batchIdentity;
    if (section !== undefined) this.pushed = resolveSettings(section);
    this.cache.clear();
    this.answered.clear();
  }

  /** Whether the client answers `workspace/configuration` (else settings are pushed). */
  get pulls(): boolean {
    return this.pull;
  }

  /** The document's settings when they are known without asking the client (again). */
  known(uri: string): Settings | undefined {
    return this.pull ? this.answered.get(uri) : this.pushed;
  }

  /** Forgets a closed document's settings. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.answered.delete(uri);
  }

  /** The settings without a resource (the workspace's), as the output tells them. */
  forWindow(): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    return this.connection.workspace.getConfiguration('batchIdentity').then(resolveSettings, () => this.pushed);
  }

  forDocument(uri: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      const asked = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'batchIdentity' })
        .then(resolveSettings, () => this.pushed)
        .then((answer) => {
          // Not if the configuration changed meanwhile: then this answer is already stale.
          if (this.cache.get(uri) === asked) this.answered.set(uri, answer);
          return answer;
        });
      settings = asked;
      this.cache.set(uri, settings);
    }
    return settings;
  }
}
