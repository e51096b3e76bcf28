// The security matrix (server/api/security/matrix.ts) and the hostile-input probe (hostile.ts) for the notification router.
import { describeHostileInputs } from "./hostile";
import { describeSecurityMatrix } from "./matrix";

describeSecurityMatrix("notifications");
describeHostileInputs("notifications");
