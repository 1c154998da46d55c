// Public entry point of the handoff.v1 TypeScript client.
//
// The generated code lives in ./gen (do not edit; run clients/generate.sh). Messages are plain
// objects created with `create(XxxSchema, {...})` from @bufbuild/protobuf; services are descriptors
// (`TerminalService`, `AdminService`) passed to `createClient` from @connectrpc/connect.
import type { Interceptor, Transport } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";

export * from "./gen/handoff/v1/types_pb.js";
export * from "./gen/handoff/v1/terminal_service_pb.js";
export * from "./gen/handoff/v1/admin_service_pb.js";

/** Adds `authorization: Bearer <token>` to every call (a terminal token or the admin token). */
export function bearerAuth(token: string): Interceptor {
  return (next) => async (req) => {
    req.header.set("authorization", `Bearer ${token}`);
    return next(req);
  };
}

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
