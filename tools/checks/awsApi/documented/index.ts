// Every documented rule, by the resource type it applies to.
import { DocumentedRule } from "../documentedRule";
import { ec2Rules } from "./ec2";
import { ecsRules } from "./ecs";
import { elbv2Rules } from "./elbv2";
import { kmsRules } from "./kms";
import { serviceRules } from "./services";
import { vpcEndpointRules } from "./vpcEndpoints";

export const documentedRules: Readonly<Record<string, readonly DocumentedRule[]>> = {
    ...ec2Rules,
    ...ecsRules,
    ...elbv2Rules,
    ...serviceRules,
    ...kmsRules,
    ...vpcEndpointRules,
};
