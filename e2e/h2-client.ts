import { connect, type ClientHttp2Session } from 'node:http2';

export interface H2Response {
  status: number;
  /** The protocol TLS negotiated (`h2`). */
  alpn: string | false | undefined;
  headers: Record<string, string>;
  body: Buffer;
  /** The body as text, and parsed when it is JSON. */
  text(): string;
  json<T = unknown>(): T;
}

export interface H2Request {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * An HTTP/2 client of the stack's nginx (self-signed dev certificate), one session per client as a
 * browser keeps one connection: what the specs call is exactly what a browser tab sends.
 */
export class H2Client {
  private session: ClientHttp2Session | undefined;

  constructor(
    private readonly baseUrl: string,
    /** Sent as `Cookie` on every request, once signed in. */
    public cookie = '',
  ) {}

  async request(path: string, request: H2Request = {}): Promise<H2Response> {
    const session = this.open();
    return new Promise((resolve, reject) => {
      // A browser states the length of a body it knows (fetch with a string, Blob or FormData) and so does this client.
      const length = request.body === undefined ? undefined : Buffer.byteLength(request.body);
      const req = session.request({ ':path': path, ':method': request.method ?? 'GET', ...(this.cookie && { cookie: this.cookie }), ...(length !== undefined && { 'content-length': String(length) }), ...request.headers });
      const chunks: Buffer[] = [];
      let status = 0;
      let headers: Record<string, string> = {};
      req.on('response', (h) => {
        status = Number(h[':status']);
        headers = Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join('\n') : String(v)]));
      });
      const settle = () => {
        const body = Buffer.concat(chunks);
        resolve({ status, alpn: session.alpnProtocol, headers, body, text: () => body.toString('utf8'), json: <T>() => JSON.parse(body.toString('utf8')) as T });
      };
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      // nginx answers a body over the route's limit at once and then resets the stream the client is
      // still uploading on: a browser shows that answer, and so does this client.
      req.on('error', (error: Error) => (status > 0 ? settle() : reject(error)));
      req.on('end', settle);
      req.end(request.body);
    });
  }

  /** A JSON request with the CSRF header a browser tab sends on every state-changing call. */
  json(path: string, method: string, body: unknown, csrf: string): Promise<H2Response> {
    return this.request(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });
  }

  /** Serialises a FormData as a browser would (boundary and all) and posts it. */
  async multipart(path: string, form: FormData, csrf: string): Promise<H2Response> {
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    return this.request(path, { method: 'POST', headers: { 'content-type': encoded.headers.get('content-type') ?? '', 'x-csrf-token': csrf }, body });
  }

  /** A long-lived GET (an SSE stream) whose text so far can be read at any time. */
  openStream(path: string): { text(): string; close(): void } {
    const req = this.open().request({ ':path': path, ...(this.cookie && { cookie: this.cookie }) });
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('error', () => undefined);
    return { text: () => text, close: () => req.close() };
  }

  close(): void {
    this.session?.close();
    this.session = undefined;
  }

  private open(): ClientHttp2Session {
    if (!this.session || this.session.closed || this.session.destroyed) {
      this.session = connect(this.baseUrl, { rejectUnauthorized: false });
      this.session.on('error', () => undefined);
    }
    return this.session;
  }
}
