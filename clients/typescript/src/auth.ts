import type { Interceptor } from "@connectrpc/connect";

/** Adds `authorization: Bearer <token>` to every call (a terminal token or the admin token). */
export function bearerAuth(token: string): Interceptor {
  return (next) => async (req) => {
    req.header.set("authorization", `Bearer ${token}`);
    return next(req);
  };
}
