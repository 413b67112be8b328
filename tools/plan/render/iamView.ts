// IAM as a reviewer reads it: each role with whom it trusts and every policy attached to it, statement by
// statement, with ARNs of declared resources replaced by their names.
import { StackModel } from "../model/stackModel";
import { expandJsonStrings } from "../model/properties";
import { resourceTypes as t } from "../../resourceTypes";
import { SnapshotResource } from "../model/snapshot";

type Inputs = Record<string, any>;

export interface RoleView {
    name: string;
    trustedBy: string[];
    path: string;
    permissionsBoundary?: string;
    managedPolicies: string[];
    /** One line per statement of each inline policy: "Allow a, b on R". */
    inlinePolicies: { name: string; statements: string[] }[];
}

export function iamRoles(stack: StackModel): RoleView[] {
    return stack.ofType(t.role).map((role) => {
        const inputs = expandJsonStrings(role.inputs) as Inputs;
        const policies = stack
            .ofType(t.rolePolicy)
            .filter((policy) => stack.referenced((policy.inputs as Inputs).role)?.urn === role.urn)
            .map((policy) => ({
                name: policy.name,
                statements: statements(stack, expandJsonStrings(policy.inputs.policy) as Inputs),
            }));
        return {
            name: role.name,
            trustedBy: statements(stack, inputs.assumeRolePolicy),
            path: String(inputs.path ?? "/"),
            permissionsBoundary: inputs.permissionsBoundary,
            managedPolicies: inputs.managedPolicyArns ?? [],
            inlinePolicies: [...policies, ...inlinePoliciesOf(stack, inputs)],
        };
    });
}

function inlinePoliciesOf(stack: StackModel, inputs: Inputs): RoleView["inlinePolicies"] {
    return ((inputs.inlinePolicies ?? []) as Inputs[]).map((policy) => ({
        name: String(policy.name),
        statements: statements(stack, policy.policy),
    }));
}

/** A policy document's statements as lines: "Allow ecr:BatchGetImage on registry-repo". */
export function statements(stack: StackModel, document: Inputs | undefined): string[] {
    const list: Inputs[] = [document?.Statement ?? []].flat();
    return list.map((statement) => {
        const actions = [statement.Action].flat().join(", ");
        const principal = statement.Principal === undefined ? "" : ` by ${describePrincipal(statement.Principal)}`;
        const resources =
            statement.Resource === undefined
                ? ""
                : ` on ${[statement.Resource]
                      .flat()
                      .map((r) => resourceLabel(stack, r))
                      .join(", ")}`;
        const condition = statement.Condition === undefined ? "" : ` if ${JSON.stringify(statement.Condition)}`;
        return `${statement.Effect} ${actions}${principal}${resources}${condition}`;
    });
}

/** The declared resource a policy statement's resource grants access to; a log group's streams count as it. */
export function grantedResource(stack: StackModel, resource: unknown): SnapshotResource | undefined {
    const logStreams = typeof resource === "string" ? /^(.*):log-stream:\*$/.exec(resource) : null;
    return stack.referenced(logStreams === null ? resource : logStreams[1]);
}

function resourceLabel(stack: StackModel, resource: unknown): string {
    const granted = grantedResource(stack, resource);
    const streams = typeof resource === "string" && resource.endsWith(":log-stream:*");
    return granted === undefined ? String(resource) : streams ? `the log streams of ${granted.name}` : granted.name;
}

function describePrincipal(principal: Inputs | string): string {
    return typeof principal === "string"
        ? principal
        : Object.entries(principal)
              .map(([kind, who]) => `${kind} ${[who].flat().join(", ")}`)
              .join("; ");
}
