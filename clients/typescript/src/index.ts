// Public entry point of the handoff.v1 TypeScript client.
//
// `Terminal` is the helper most applications want (the live feed with reconnection and
// exactly-once display, the protocol steps as typed calls, typed errors). The generated code lives
// in ./gen (do not edit; run clients/generate.sh): messages are plain objects created with
// `create(XxxSchema, {...})` from @bufbuild/protobuf; services are descriptors (`TerminalService`,
// `AdminService`) passed to `createClient` from @connectrpc/connect.
import type { Transport } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { bearerAuth } from "./auth.js";

export * from "./gen/handoff/v1/types_pb.js";
export * from "./gen/handoff/v1/terminal_service_pb.js";
export * from "./gen/handoff/v1/admin_service_pb.js";
// The generated message type handoff.v1.Terminal would be shadowed by the Terminal class.
export type { Terminal as TerminalInfo } from "./gen/handoff/v1/types_pb.js";
export { Code } from "@connectrpc/connect";
export { bearerAuth } from "./auth.js";
export * from "./errors.js";
export {
  Terminal,
  type ConnectOptions,
  type MessageOptions,
  type MessageResult,
  type TerminalOptions,
  type TransferOptions,
  type TransferTo,
} from "./terminal.js";

/**
 * A gRPC transport to a handoff server, e.g. baseUrl "http://127.0.0.1:50051" (plaintext h2c) or an
 * https URL. In connect-node v2 the gRPC transport is always HTTP/2 (v1's `httpVersion` option is gone).
 */
export function createHandoffTransport(options: { baseUrl: string; token: string }): Transport {
  return createGrpcTransport({
    baseUrl: options.baseUrl,
    interceptors: [bearerAuth(options.token)],
  });
}
