// Calls per tRPC request, shared by the server's check and the browser's batch link
// (so this file imports nothing: the client bundle takes it).
export const MAX_BATCH_CALLS = 10;
