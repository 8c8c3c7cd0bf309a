/**
 * Every request a browser attempted, split by what the guard did with it. Tests assert that `leaked` stays empty:
 * no request to anything but 127.0.0.1 (or the extension itself) ever completed.
 */
export class NetworkLog {
  readonly allowed: string[] = [];
  readonly blocked: string[] = [];
  readonly leaked: string[] = [];

  /** Whether a URL may load: the local test server, the extension's own files, and inline data. */
  static isAllowed(rawUrl: string): boolean {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return false;
    }
    switch (url.protocol) {
      case 'http:':
      case 'https:':
      case 'ws:':
      case 'wss:':
        return url.hostname === '127.0.0.1';
      case 'chrome-extension:':
      case 'moz-extension:':
      case 'data:':
      case 'blob:':
      case 'about:':
      case 'chrome:': // browser-internal pages (chrome://version), never the network
        return true;
      default:
        return false;
    }
  }

  /** Records the decision and returns it. */
  decide(url: string): boolean {
    const ok = NetworkLog.isAllowed(url);
    (ok ? this.allowed : this.blocked).push(url);
    return ok;
  }

  /** Call for every request that finished successfully. */
  finished(url: string): void {
    if (!NetworkLog.isAllowed(url)) this.leaked.push(url);
  }

  /** Blocked requests whose host matches. */
  blockedTo(host: string): string[] {
    return this.blocked.filter((u) => {
      try {
        return new URL(u).hostname === host;
      } catch {
        return false;
      }
    });
  }
}
