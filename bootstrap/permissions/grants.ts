// One grant per call and resource: which ARNs, under which conditions, the environment's role may call the action
// on. A tag-scoped resource is reached only with the environment's tag: in the request when the call creates or
// tags it, on the resource itself afterwards. Grants group into statements in statements.ts.
import type { ApiCall, Target } from "../providerCalls";
import { scopeOf } from "./resourceScopes";
import { type Account, ENVIRONMENT_TAG } from "./scope";

export type Conditions = Record<string, Record<string, string[]>>;

export interface Grant {
    readonly action: string;
    /** "read", "named", "create-tagged", "change-tagged", "adopt-untagged", "shared" or "any-resource". */
    readonly kind: string;
    readonly resources: string[];
    readonly conditions: Conditions;
}

export interface GrantContext {
    readonly account: Account;
    readonly environment: string;
    /** Stands in for "$boundary" in a call's `requires`. */
    readonly boundaryArn: string;
}

const requestTag = `aws:RequestTag/${ENVIRONMENT_TAG}`;
const resourceTag = `aws:ResourceTag/${ENVIRONMENT_TAG}`;

/** A tag call that names its creating call (ec2:CreateAction...) is held to that creation; one that cannot must at
 * least not retag what another environment owns. */
const namesItsCreation = (call: ApiCall) => Object.keys(call.requires).some((key) => key.endsWith(":CreateAction"));

function conditionFor(call: ApiCall, target: Target | undefined, context: GrantContext): Conditions {
    const { environment } = context;
    if (target === undefined) {
        // AWS authorizes these actions on "*" only: the region is all that holds them.
        const region = { "aws:RequestedRegion": [context.account.region] };
        return { StringEquals: call.sendsTags ? { ...region, [requestTag]: [environment] } : region };
    }
    const scope = scopeOf(target.ref);
    if (target.state === "shared" || scope.by !== "tag") return {};
    switch (target.state) {
        case "new":
            if (!call.sendsTags) throw new Error(`${call.action} creates ${target.ref} without the stack's tags`);
            return call.access === "tag" && !namesItsCreation(call)
                ? {
                      StringEquals: { [requestTag]: [environment] },
                      StringEqualsIfExists: { [resourceTag]: [environment] },
                  }
                : { StringEquals: { [requestTag]: [environment] } };
        case "own":
            return call.sendsTags
                ? {
                      StringEquals: { [resourceTag]: [environment] },
                      StringEqualsIfExists: { [requestTag]: [environment] },
                  }
                : { StringEquals: { [resourceTag]: [environment] } };
        case "adopted":
            return { Null: { [resourceTag]: ["true"] }, StringEquals: { [requestTag]: [environment] } };
    }
}

function kindOf(target: Target | undefined): string {
    if (target === undefined) return "any-resource";
    if (target.state === "shared") return "shared";
    if (scopeOf(target.ref).by === "name") return "named";
    if (target.state === "adopted") return "adopt-untagged";
    return target.state === "new" ? "create-tagged" : "change-tagged";
}

function withRequired(conditions: Conditions, call: ApiCall, context: GrantContext): Conditions {
    const required = Object.entries(call.requires);
    if (required.length === 0) return conditions;
    const equals = { ...(conditions.StringEquals ?? {}) };
    for (const [key, value] of required) equals[key] = [value === "$boundary" ? context.boundaryArn : value];
    return { ...conditions, StringEquals: equals };
}

function resourcesFor(target: Target | undefined, context: GrantContext): string[] {
    if (target === undefined) return ["*"];
    const scope = scopeOf(target.ref);
    if (target.state !== "shared" && scope.by === "name" && scope.named) {
        return scope.named(context.account, context.environment);
    }
    return [scope.kind(context.account)];
}

/** The grants one call needs in `context`'s environment: one per resource it acts on, or one on "*". */
export function grantsFor(call: ApiCall, context: GrantContext): Grant[] {
    const targets: (Target | undefined)[] = call.on.length > 0 ? [...call.on] : [undefined];
    return targets.map((target) => {
        if (call.access === "read") {
            const named = target !== undefined && target.state !== "shared" && scopeOf(target.ref).by === "name";
            return {
                action: call.action,
                kind: named ? "named" : "read",
                resources: named ? resourcesFor(target, context) : ["*"],
                conditions: {},
            };
        }
        return {
            action: call.action,
            kind: kindOf(target),
            resources: resourcesFor(target, context),
            conditions: withRequired(conditionFor(call, target, context), call, context),
        };
    });
}
