/** Remembers which of their workspaces a person is working in. */
export const WORKSPACE_COOKIE = "crescendo-workspace";
