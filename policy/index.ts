// The policy pack `pulumi preview --policy-pack policy` and `pulumi up --policy-pack policy` run, and the offline plan
// runs the same way (tools/plan/policy/): the Pulumi CLI starts this module and asks it about every resource.
import { PolicyPack } from "@pulumi/policy";
import { packName, policies } from "./pack";

new PolicyPack(packName, {
    description:
        "The fargate-service stack's security and production rules, and the AWSGuard policies that say the same.",
    enforcementLevel: "mandatory",
    policies,
});
