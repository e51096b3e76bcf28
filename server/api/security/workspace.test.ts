// The security matrix (server/api/security/matrix.ts) for the workspace group's routers.
import { describeSecurityMatrix } from "./matrix";

describeSecurityMatrix("workspace");
