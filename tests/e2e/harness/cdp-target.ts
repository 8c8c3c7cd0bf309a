import type { CDPSession } from 'playwright-core';
import { callExpression, DEFAULT_WAIT_MS, type Surface, waitExpression } from './surface.js';

interface CdpReply {
  id?: number;
  result?: unknown;
  error?: { message: string; code?: number };
}

interface EvaluateResult {
  result: { value?: unknown; type: string; description?: string };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

const KEY_CODES: Record<string, number> = { Escape: 27, Enter: 13, Tab: 9, ' ': 32 };

/**
 * A target that Playwright does not expose as a Page (the real action popup opened by `Extensions.triggerAction`),
 * driven with raw CDP through the browser session: `Target.attachToTarget({flatten:false})`, then
 * `Target.sendMessageToTarget` / `Target.receivedMessageFromTarget` (Playwright's CDPSession cannot address a child
 * session id, so the non-flattened mode is the one that works; see the e2e recipe, (d)2).
 */
export class CdpTargetSurface implements Surface {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private detached = false;

  private constructor(
    private readonly browser: CDPSession,
    private readonly sessionId: string,
    readonly targetId: string,
    readonly name: string,
  ) {
    browser.on('Target.receivedMessageFromTarget', this.onMessage);
    browser.on('Target.detachedFromTarget', this.onDetached);
  }

  static async attach(browser: CDPSession, targetId: string, name: string): Promise<CdpTargetSurface> {
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: false });
    return new CdpTargetSurface(browser, sessionId, targetId, name);
  }

  private readonly onMessage = (event: { sessionId: string; message: string }): void => {
    if (event.sessionId !== this.sessionId) return;
    const reply = JSON.parse(event.message) as CdpReply;
    if (reply.id === undefined) return; // an event, not a reply
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (reply.error) waiter.reject(new Error(`${this.name}: ${reply.error.message}`));
    else waiter.resolve(reply.result);
  };

  private readonly onDetached = (event: { sessionId: string }): void => {
    if (event.sessionId !== this.sessionId) return;
    this.detached = true;
    for (const waiter of this.pending.values()) waiter.reject(new Error(`${this.name}: target closed`));
    this.pending.clear();
    this.dispose();
  };

  /** True once the target went away (for example the popup closed itself after opening the reader). */
  get closed(): boolean {
    return this.detached;
  }

  async send<R>(method: string, params: object = {}): Promise<R> {
    if (this.detached) throw new Error(`${this.name}: target closed`);
    const id = this.nextId++;
    const reply = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    await this.browser.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return (await reply) as R;
  }

  private async evaluateExpression<R>(expression: string): Promise<R> {
    const out = await this.send<EvaluateResult>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
      userGesture: true,
    });
    if (out.exceptionDetails) {
      const detail = out.exceptionDetails.exception?.description ?? out.exceptionDetails.text;
      throw new Error(`${this.name}: evaluation failed: ${detail}`);
    }
    return out.result.value as R;
  }

  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.evaluateExpression<R>(callExpression(fn, arg));
  }

  async waitFor<A>(fn: (arg: A) => unknown, arg: A, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    try {
      await this.evaluateExpression<boolean>(waitExpression(fn, arg, timeoutMs));
    } catch (err) {
      throw new Error(`${this.name}: waiting for ${what} failed`, { cause: err });
    }
  }

  async click(selector: string, shadowHost?: string): Promise<void> {
    await this.waitFor(
      ({ selector, shadowHost }) => {
        const root = shadowHost ? document.querySelector(shadowHost)?.shadowRoot : document;
        const el = root?.querySelector(selector);
        if (!(el instanceof HTMLElement)) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && !(el as HTMLButtonElement).disabled;
      },
      { selector, shadowHost },
      `${selector} to be visible and enabled`,
    );
    const point = await this.evaluate(
      ({ selector, shadowHost }) => {
        const root = shadowHost ? document.querySelector(shadowHost)?.shadowRoot : document;
        const el = root?.querySelector(selector) as HTMLElement;
        el.scrollIntoView({ block: 'center', inline: 'center' });
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      },
      { selector, shadowHost },
    );
    const base = { x: point.x, y: point.y, button: 'left', clickCount: 1 };
    await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: point.x, y: point.y });
    await this.send('Input.dispatchMouseEvent', { ...base, type: 'mousePressed', buttons: 1 });
    // The click handler may close the popup; the release can then race with the target going away.
    await this.send('Input.dispatchMouseEvent', { ...base, type: 'mouseReleased', buttons: 0 }).catch((err: Error) => {
      if (!this.detached) throw err;
    });
  }

  async press(key: string): Promise<void> {
    const code = KEY_CODES[key];
    const params = { key, code: key, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code };
    await this.send('Input.dispatchKeyEvent', { ...params, type: 'rawKeyDown' });
    await this.send('Input.dispatchKeyEvent', { ...params, type: 'keyUp' });
  }

  private dispose(): void {
    this.browser.off('Target.receivedMessageFromTarget', this.onMessage);
    this.browser.off('Target.detachedFromTarget', this.onDetached);
  }

  /** Closes the target (a user dismissing the popup). */
  async closeTarget(): Promise<void> {
    const wasDetached = this.detached;
    await this.detach();
    if (!wasDetached) await this.browser.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
  }

  async detach(): Promise<void> {
    if (this.detached) return;
    this.detached = true;
    this.dispose();
    await this.browser.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => undefined);
  }
}
