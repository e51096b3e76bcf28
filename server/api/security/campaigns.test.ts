// The security matrix (server/api/security/matrix.ts) for the campaigns group's routers.
import { describeSecurityMatrix } from "./matrix";

describeSecurityMatrix("campaigns");
