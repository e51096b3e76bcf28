// The security matrix (server/api/security/matrix.ts) and the hostile-input probe (hostile.ts) for the plan group's routers.
import { describeHostileInputs } from "./hostile";
import { describeSecurityMatrix } from "./matrix";

describeSecurityMatrix("plan");
describeHostileInputs("plan");
