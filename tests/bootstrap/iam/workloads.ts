// The stacks' own roles, as the reviewed plans declare them (tests/tools/plan/snapshots): the execution role with
// its inline policy, the task role with nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../../../infra/registry/projectRoot";
import type { PolicyDocument } from "../../../bootstrap/policyDocuments";

interface SnapshotResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly inputs: Record<string, any>;
    readonly dependencies: readonly string[];
}

export interface Snapshot {
    readonly resources: readonly SnapshotResource[];
    readonly reads: readonly { token: string }[];
}

export function readSnapshot(stack: string): Snapshot {
    const file = join(findProjectRoot(__dirname), "tests", "tools", "plan", "snapshots", `${stack}.json`);
    return JSON.parse(readFileSync(file, "utf8")) as Snapshot;
}

const ROLE = "aws:iam/role:Role";

function role(snapshot: Snapshot, suffix: string): SnapshotResource {
    const found = snapshot.resources.find((resource) => resource.type === ROLE && resource.name.endsWith(suffix));
    if (found === undefined) throw new Error(`the plan declares no role ending in ${suffix}`);
    return found;
}

/** Every permission policy the plan gives a role: its own inline and managed policies, and every RolePolicy and
 * RolePolicyAttachment that depends on it (a policy names its role by the role's ID, an output of the role). */
export function policiesOf(snapshot: Snapshot, roleSuffix: string): { inline: PolicyDocument[]; attached: string[] } {
    const target = role(snapshot, roleSuffix);
    const forThisRole = (resource: SnapshotResource) => resource.dependencies.includes(target.urn);
    const inline = [
        ...((target.inputs.inlinePolicies ?? []) as { policy: string }[]).map((policy) => JSON.parse(policy.policy)),
        ...snapshot.resources
            .filter((resource) => resource.type === "aws:iam/rolePolicy:RolePolicy" && forThisRole(resource))
            .map((resource) => JSON.parse(String(resource.inputs.policy)) as PolicyDocument),
    ];
    const attached = [
        ...((target.inputs.managedPolicyArns ?? []) as string[]),
        ...snapshot.resources
            .filter(
                (resource) =>
                    resource.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && forThisRole(resource),
            )
            .map((resource) => String(resource.inputs.policyArn)),
    ];
    return { inline, attached };
}

export const executionRole = "-execution";
export const taskRole = "-task";
/** ECS's infrastructure role for blue/green deployments (prod's plan). */
export const blueGreenRole = "-bluegreen-role";

/** The policy the plan gives its KMS key: KMS reads a key's own policy before IAM's (KMS Developer Guide, "Key
 * policies"), so an identity policy alone allows nothing on a key that does not delegate to the account. */
export function keyPolicyOf(snapshot: Snapshot): PolicyDocument {
    const keys = snapshot.resources.filter((resource) => resource.type === "aws:kms/key:Key");
    if (keys.length !== 1) throw new Error(`the plan declares ${keys.length} KMS keys, not one`);
    return JSON.parse(String(keys[0].inputs.policy)) as PolicyDocument;
}
