export * from "./accounts";
export * from "./mail";
export * from "./rate-limits";
export * from "./workspaces";
export * from "./workflows";
