// The security matrix (server/api/security/matrix.ts) and the hostile-input probe (hostile.ts) for the team group's routers.
import { describeHostileInputs } from "./hostile";
import { describeSecurityMatrix } from "./matrix";

describeSecurityMatrix("team");
describeHostileInputs("team");
