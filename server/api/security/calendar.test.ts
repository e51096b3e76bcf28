// The security matrix (server/api/security/matrix.ts) for the calendar group's routers.
import { describeSecurityMatrix } from "./matrix";

describeSecurityMatrix("calendar");
