import type { LinkLike } from '../html-policy';

/** An element as the link hook sees it, for specs without a DOM. */
export class FakeElement implements LinkLike {
  readonly attrs = new Map<string, string>();
  constructor(
    readonly nodeName: string,
    attrs: Record<string, string> = {},
  ) {
    for (const [k, v] of Object.entries(attrs)) this.attrs.set(k, v);
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
}
