// The IAM side of the call-outs, as sets to compare between two plans: the roles, whom each trusts, every statement
// of every policy attached to them (inline, managed, customer managed), and IAM resources of other types.
import { at, inputsOf, listAt, textAt } from "../cost/inputs";
import { statements } from "../render/iamView";
import { StackModel } from "../model/stackModel";
import { Snapshot } from "../model/snapshot";
import { resourceTypes as t } from "../../resourceTypes";

export function roleNames(snapshot: Snapshot): Set<string> {
    return new Set(snapshot.resources.filter((r) => r.type === t.role).map((role) => role.name));
}

/** Whom each role trusts: "app-roles-task: Allow sts:AssumeRole by Service ecs-tasks.amazonaws.com". */
export function trust(snapshot: Snapshot, labels: StackModel): Set<string> {
    return new Set(
        snapshot.resources
            .filter((r) => r.type === t.role)
            .flatMap((role) =>
                statements(labels, document(inputsOf(role).assumeRolePolicy)).map((s) => `${role.name}: ${s}`),
            ),
    );
}

/** A policy document as the IAM view reads it. */
function document(value: unknown): Record<string, unknown> | undefined {
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
}

/** Every statement of every inline policy, on the role it is attached to. */
export function policyStatements(snapshot: Snapshot, labels: StackModel): Set<string> {
    const attached = snapshot.resources
        .filter((r) => r.type === t.rolePolicy)
        .flatMap((policy) => {
            const role = policy.dependencies
                .map((urn) => snapshot.resources.find((r) => r.urn === urn))
                .find((r) => r?.type === t.role);
            const on = `on role ${role?.name ?? String(at(policy.inputs, "role"))} (policy ${policy.name})`;
            return statements(labels, document(inputsOf(policy).policy)).map((statement) => `${statement} ${on}`);
        });
    const inline = snapshot.resources
        .filter((r) => r.type === t.role)
        .flatMap((role) =>
            listAt(inputsOf(role), "inlinePolicies").flatMap((policy) =>
                statements(labels, document(at(policy, "policy"))).map(
                    (s) => `${s} on role ${role.name} (inline ${textAt(policy, "name") ?? ""})`,
                ),
            ),
        );
    const managed = snapshot.resources
        .filter((r) => r.type === t.role)
        .flatMap((role) =>
            listAt(role.inputs, "managedPolicyArns").map((arn) => `managed policy ${String(arn)} on role ${role.name}`),
        );
    const customerManaged = snapshot.resources
        .filter((r) => r.type === "aws:iam/policy:Policy")
        .flatMap((policy) =>
            statements(labels, document(inputsOf(policy).policy)).map((s) => `${s} in policy ${policy.name}`),
        );
    return new Set([...attached, ...inline, ...managed, ...customerManaged]);
}

/** IAM resources of other types (policies, attachments): by type and name. */
export function otherIam(snapshot: Snapshot): Set<string> {
    const known: ReadonlySet<string> = new Set([t.role, t.rolePolicy]);
    return new Set(
        snapshot.resources
            .filter((r) => r.type.startsWith("aws:iam/") && !known.has(r.type))
            .map((r) => `${r.type} ${r.name}`),
    );
}
