// The one place the pages (and the example gateway) make a client: gRPC-Web over fetch, which
// browsers and Node both have, with the bearer token on every call.
import { Code, ConnectError, createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { TerminalService } from "../../clients/typescript/src/gen/handoff/v1/terminal_service_pb.js";

export { Code, ConnectError };
export type Terminal = Client<typeof TerminalService>;

export function terminalClient(baseUrl: string, token: string): Terminal {
  const bearer: Interceptor = (next) => async (req) => {
    req.header.set("authorization", `Bearer ${token}`);
    return next(req);
  };
  return createClient(TerminalService, createGrpcWebTransport({ baseUrl, interceptors: [bearer] }));
}

export function codeOf(e: unknown): Code | undefined {
  return e instanceof ConnectError ? e.code : undefined;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh idempotency key: a retried message is stored once. */
export function newKey(): string {
  return crypto.randomUUID();
}

/** Creates an element with text and classes: the pages never insert HTML they did not write. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { text?: string; cls?: string; attrs?: Record<string, string> } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.text !== undefined) e.textContent = props.text;
  if (props.cls) e.className = props.cls;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  for (const c of children) e.appendChild(c);
  return e;
}
