// AWSGuard's policies, configured for this pack. AWSGuard 0.3.1 is written against @pulumi/aws v4 and judges the
// load balancer under v4's module names (aws.elasticloadbalancingv2, aws.applicationloadbalancing,
// aws.elasticloadbalancing). @pulumi/aws v7 declares the same resources as aws.lb / aws.alb / aws.elb, with those
// old tokens only as aliases (node_modules/@pulumi/aws/lb/loadBalancer.js: `aliases: [{ type:
// "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer" }]`), so the engine never sends the old tokens and
// AWSGuard's checks would never run. Each one used here runs AWSGuard's own check on the v7 tokens instead.
import type {
    EnforcementLevel,
    ResourceValidation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
} from "@pulumi/policy";
import { isProduction, productionConfigSchema } from "./scope";

/** AWSGuard exports its policy objects from each module but leaves them out of its typings. */
type PolicyModule = Record<string, ResourceValidationPolicy>;
/* eslint-disable @typescript-eslint/no-require-imports */
export const awsGuardModules: Readonly<Record<string, PolicyModule>> = {
    apiGateway: require("@pulumi/awsguard/apiGateway") as PolicyModule,
    compute: require("@pulumi/awsguard/compute") as PolicyModule,
    database: require("@pulumi/awsguard/database") as PolicyModule,
    elasticsearch: require("@pulumi/awsguard/elasticsearch") as PolicyModule,
    network: require("@pulumi/awsguard/network") as PolicyModule,
    security: require("@pulumi/awsguard/security") as PolicyModule,
    storage: require("@pulumi/awsguard/storage") as PolicyModule,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** @pulumi/aws v4 type tokens AWSGuard 0.3.1 checks, and the v7 tokens of the same resources. */
export const v7TypesOf: Readonly<Record<string, readonly string[]>> = {
    "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer": [
        "aws:lb/loadBalancer:LoadBalancer",
        "aws:alb/loadBalancer:LoadBalancer",
    ],
    "aws:applicationloadbalancing/loadBalancer:LoadBalancer": [
        "aws:lb/loadBalancer:LoadBalancer",
        "aws:alb/loadBalancer:LoadBalancer",
    ],
    "aws:elasticloadbalancingv2/listener:Listener": ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
    "aws:elasticloadbalancing/loadBalancer:LoadBalancer": ["aws:elb/loadBalancer:LoadBalancer"],
};

function pulumiTypeOf(value: unknown): string | undefined {
    const type = (value as { __pulumiType?: unknown } | undefined)?.__pulumiType;
    return typeof type === "string" ? type : undefined;
}

export interface AwsGuardUse {
    enforcementLevel: EnforcementLevel;
    /** Applies only to stacks the pack's configuration calls production. */
    productionOnly: boolean;
}

/** AWSGuard's policy `policy`, judging the v7 tokens of the resources it was written for. */
export function onV7Types(policy: ResourceValidationPolicy, use: AwsGuardUse): ResourceValidationPolicy {
    const validations: ResourceValidation[] = [policy.validateResource ?? []].flat();
    return {
        name: policy.name,
        description: `${policy.description} (AWSGuard 0.3.1${use.productionOnly ? "; production stacks only" : ""})`,
        enforcementLevel: use.enforcementLevel,
        ...(use.productionOnly ? { configSchema: productionConfigSchema } : {}),
        validateResource: async (args, reportViolation) => {
            if (use.productionOnly && !isProduction(args.urn, args)) {
                return;
            }
            // AWSGuard lists one check per v4 module; v7 folds those modules into one token, so the first suffices.
            const check = validations.find((validation) =>
                (v7TypesOf[pulumiTypeOf(validation) ?? ""] ?? []).includes(args.type),
            );
            if (check === undefined) {
                return;
            }
            const v4Type = pulumiTypeOf(check) as string;
            const asV4: ResourceValidationArgs = {
                ...args,
                type: v4Type,
                isType: (resourceClass) => pulumiTypeOf(resourceClass) === v4Type,
                asType: (resourceClass) => (pulumiTypeOf(resourceClass) === v4Type ? args.props : undefined),
            } as ResourceValidationArgs;
            await check(asV4, reportViolation);
        },
    };
}
