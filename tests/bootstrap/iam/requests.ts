// The requests AWS would receive when the provider makes a call of the table for one environment: the
// environment's resource ARNs (bootstrap/permissions/scope.ts), the stack's tags in the request when the call sends
// them and on the resource when it carries them, and the context the call sends (iam:PassedToService...). A key the
// Service Authorization Reference does not list for the action and resource is not sent, as AWS would not.
import type { ApiCall, Target } from "../../../bootstrap/providerCalls";
import { scopeOf } from "../../../bootstrap/permissions/resourceScopes";
import { type Account, ENVIRONMENT_TAG, STACK_PROJECT } from "../../../bootstrap/permissions/scope";
import type { SimulatedRequest } from "./simulator";
import { carries, conditionKeys } from "./serviceReference";

/** The tags every resource of a stack carries (Pulumi.<stack>.yaml aws:defaultTags). */
export function stackTags(environment: string): Record<string, string> {
    return { project: STACK_PROJECT, [ENVIRONMENT_TAG]: environment, "managed-by": "pulumi" };
}

/** IAM and Route 53 are global: their requests name us-east-1 (aws:RequestedRegion, IAM User Guide). */
const GLOBAL_SERVICES = new Set(["iam", "route53"]);

export interface CallRequest extends SimulatedRequest {
    readonly target?: Target;
}

async function contextFor(
    call: ApiCall,
    target: Target | undefined,
    resourceType: string | undefined,
    account: Account,
    environment: string,
    boundaryArn: string,
): Promise<Record<string, string | string[]>> {
    const keys = await conditionKeys(call.action, resourceType);
    const service = call.action.split(":")[0];
    const context: Record<string, string | string[]> = {
        "aws:RequestedRegion": GLOBAL_SERVICES.has(service) ? "us-east-1" : account.region,
    };
    const tags = stackTags(environment);
    if (call.sendsTags) {
        for (const [key, value] of Object.entries(tags)) {
            if (carries(keys, `aws:RequestTag/${key}`)) context[`aws:RequestTag/${key}`] = value;
        }
        if (carries(keys, "aws:TagKeys")) context["aws:TagKeys"] = Object.keys(tags);
    }
    if (target?.state === "own") {
        for (const [key, value] of Object.entries(tags)) {
            if (carries(keys, `aws:ResourceTag/${key}`)) context[`aws:ResourceTag/${key}`] = value;
        }
    }
    for (const [key, value] of Object.entries(call.requires))
        context[key] = value === "$boundary" ? boundaryArn : value;
    return context;
}

/** The requests of `call` for `environment`'s resources: one per resource it acts on (each example ARN). */
export async function requestsFor(
    call: ApiCall,
    principal: string,
    account: Account,
    environment: string,
    boundaryArn: string,
): Promise<CallRequest[]> {
    if (call.on.length === 0) {
        const context = await contextFor(call, undefined, undefined, account, environment, boundaryArn);
        return [{ principal, action: call.action, resource: "*", context }];
    }
    const requests: CallRequest[] = [];
    for (const target of call.on) {
        const scope = scopeOf(target.ref);
        const context = await contextFor(call, target, scope.iamType, account, environment, boundaryArn);
        for (const resource of scope.examples(account, environment)) {
            requests.push({ principal, action: call.action, resource, context, target });
        }
    }
    return requests;
}
