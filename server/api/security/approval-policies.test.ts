// The security matrix (server/api/security/matrix.ts) and the hostile-input probe (hostile.ts) for the approval policies router.
import { describeHostileInputs } from "./hostile";
import { describeSecurityMatrix } from "./matrix";

describeSecurityMatrix("approvalPolicies");
describeHostileInputs("approvalPolicies");
