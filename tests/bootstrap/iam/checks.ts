// The IAM checks as functions that return what they find, so each can be run on a broken policy too
// (mutations.test.ts) and shown able to fail.
import { boundaryArn } from "../../../bootstrap/githubRoles";
import type { ApiCall, ProviderCalls } from "../../../bootstrap/providerCalls";
import type { PolicyDocument } from "../../../bootstrap/policyDocuments";
import { type Environment, account, deployPrincipal, otherThan, previewPrincipal } from "./fixture";
import { type CallRequest, requestsFor } from "./requests";
import { type Policies, decide } from "./simulator";
import { keyPolicyOf, readSnapshot } from "./workloads";

export interface Finding {
    readonly type: string;
    readonly action: string;
    readonly resource: string;
    readonly problem: string;
}

const isChange = (call: ApiCall) => call.access !== "read";

/** A call's resource that no environment owns apart (a shared resource, or an action without resource-level
 * permissions): another environment's role reaches it too, by design (docs/deploy.md lists each). */
export const reachesEveryEnvironment = (targetState: string | undefined) =>
    targetState === undefined || targetState === "shared";

/** The policies AWS evaluates for `request` in `environment`: `identity`, and for a KMS key the key policy the
 * environment's plan gives it (KMS evaluates it first; the stack's delegates to the account's IAM policies). */
export function policiesFor(identity: PolicyDocument, request: CallRequest, environment: string): Policies {
    const onKey = /^arn:[^:]+:kms:[^:]*:\d{12}:key\//.test(request.resource);
    return onKey
        ? { identity: [identity], resource: keyPolicyOf(readSnapshot(environment)) }
        : { identity: [identity] };
}

/** Every call of `rows` that `environment`'s deploy role must make is allowed by `policy`. */
export async function deniedCalls(rows: readonly ProviderCalls[], environment: Environment, policy: PolicyDocument) {
    const findings: Finding[] = [];
    for (const row of rows) {
        for (const call of row.calls) {
            const requests = await requestsFor(
                call,
                deployPrincipal(environment),
                account,
                environment,
                boundaryArn(account, environment),
            );
            for (const request of requests) {
                const decision = await decide(policiesFor(policy, request, environment), request);
                if (decision !== "Allowed") {
                    findings.push({
                        type: row.type,
                        action: call.action,
                        resource: request.resource,
                        problem: decision,
                    });
                }
            }
        }
    }
    return findings;
}

/** Every change `environment`'s role could make to the other environment's resources. */
export async function crossEnvironmentChanges(
    rows: readonly ProviderCalls[],
    environment: Environment,
    policy: PolicyDocument,
) {
    const other = otherThan(environment);
    const findings: Finding[] = [];
    for (const row of rows) {
        for (const call of row.calls.filter(isChange)) {
            const requests = await requestsFor(
                call,
                deployPrincipal(environment),
                account,
                other,
                boundaryArn(account, other),
            );
            for (const request of requests) {
                if (reachesEveryEnvironment(request.target?.state)) continue;
                if ((await decide(policiesFor(policy, request, other), request)) === "Allowed") {
                    findings.push({
                        type: row.type,
                        action: call.action,
                        resource: request.resource,
                        problem: `${environment}'s deploy role may change ${other}'s resource`,
                    });
                }
            }
        }
    }
    return findings;
}

/** Every change of the table the preview role could make, in any environment. */
export async function previewChanges(rows: readonly ProviderCalls[], policy: PolicyDocument) {
    const findings: Finding[] = [];
    for (const environment of ["dev", "prod"] as const) {
        for (const row of rows) {
            for (const call of row.calls.filter(isChange)) {
                for (const request of await requestsFor(
                    call,
                    previewPrincipal,
                    account,
                    environment,
                    boundaryArn(account, environment),
                )) {
                    if ((await decide(policiesFor(policy, request, environment), request)) === "Allowed") {
                        findings.push({
                            type: row.type,
                            action: call.action,
                            resource: request.resource,
                            problem: "a preview may change it",
                        });
                    }
                }
            }
        }
    }
    return findings;
}

/** Every call `pulumi preview` makes (data sources, the provider's configuration) that the preview role may not. */
export async function deniedPreviewCalls(rows: readonly ProviderCalls[], policy: PolicyDocument) {
    const findings: Finding[] = [];
    for (const environment of ["dev", "prod"] as const) {
        for (const row of rows) {
            for (const call of row.calls.filter((candidate) => candidate.during.includes("invoke"))) {
                for (const request of await requestsFor(call, previewPrincipal, account, environment, "")) {
                    const decision = await decide({ identity: [policy] }, request);
                    if (decision !== "Allowed") {
                        findings.push({
                            type: row.type,
                            action: call.action,
                            resource: request.resource,
                            problem: decision,
                        });
                    }
                }
            }
        }
    }
    return findings;
}

export function describe(findings: readonly Finding[]): string {
    return findings.map((f) => `${f.type}: ${f.action} on ${f.resource}: ${f.problem}`).join("\n");
}
