import { createTRPCContext } from "@/server/api/context";
import { handleTrpcRequest } from "@/server/api/http-handler";

function handler(req: Request) {
  return handleTrpcRequest(req, () => createTRPCContext());
}

export { handler as GET, handler as POST };
