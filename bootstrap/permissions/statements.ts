// Grants become statements: one per service, kind of scope and set of conditions, so each statement still names
// only the resources of its own scope. Values of the keys that only say which creating call or which service is
// meant (ec2:CreateAction, iam:AWSServiceName...) merge into one list.
import type { PolicyStatement } from "../policyDocuments";
import type { Conditions, Grant } from "./grants";

const MERGED_KEYS = new Set([
    "ec2:CreateAction",
    "ecs:CreateAction",
    "elasticloadbalancing:CreateAction",
    "iam:AWSServiceName",
]);

const KIND_WORDS: Record<string, string> = {
    read: "ReadAnywhere",
    named: "OnTheEnvironmentsNamedResources",
    "create-tagged": "CreateTaggedWithTheEnvironment",
    "change-tagged": "ChangeWhatCarriesTheEnvironmentTag",
    "adopt-untagged": "AdoptUntaggedByTaggingIt",
    shared: "OnResourcesEveryEnvironmentShares",
    "any-resource": "WithoutResourceLevelPermissions",
};

const serviceWord = (action: string) =>
    action
        .split(":")[0]
        .split("-")
        .map((part) => part[0].toUpperCase() + part.slice(1))
        .join("");

/** The conditions with the merged keys' values left out: grants that differ only there share a statement. */
function shapeOf(conditions: Conditions): string {
    return JSON.stringify(
        Object.entries(conditions)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([operator, keys]) => [
                operator,
                Object.entries(keys)
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([key, values]) => [key, MERGED_KEYS.has(key) ? "*" : [...values].sort()]),
            ]),
    );
}

function mergeConditions(into: Conditions, from: Conditions): void {
    for (const [operator, keys] of Object.entries(from)) {
        const target = (into[operator] ??= {});
        for (const [key, values] of Object.entries(keys)) {
            target[key] = [...new Set([...(target[key] ?? []), ...values])].sort();
        }
    }
}

interface Group {
    sid: string;
    actions: Set<string>;
    resources: Set<string>;
    conditions: Conditions;
}

export function toStatements(grants: readonly Grant[]): PolicyStatement[] {
    const groups = new Map<string, Group>();
    for (const grant of grants) {
        const sid = grant.kind === "read" ? "ReadAnywhere" : `${serviceWord(grant.action)}${KIND_WORDS[grant.kind]}`;
        const key = `${sid}|${shapeOf(grant.conditions)}`;
        let group = groups.get(key);
        if (group === undefined) {
            group = { sid, actions: new Set(), resources: new Set(), conditions: {} };
            groups.set(key, group);
        }
        group.actions.add(grant.action);
        grant.resources.forEach((resource) => group.resources.add(resource));
        mergeConditions(group.conditions, grant.conditions);
    }
    const sidCount = new Map<string, number>();
    return [...groups.values()].map((group) => {
        const seen = (sidCount.get(group.sid) ?? 0) + 1;
        sidCount.set(group.sid, seen);
        const resources = [...group.resources].sort();
        return {
            Sid: seen === 1 ? group.sid : `${group.sid}${seen}`,
            Effect: "Allow" as const,
            Action: [...group.actions].sort(),
            Resource: resources.length === 1 ? resources[0] : resources,
            ...(Object.keys(group.conditions).length > 0 ? { Condition: flatten(group.conditions) } : {}),
        };
    });
}

/** A one-value list reads as the value, as IAM policies are usually written. */
function flatten(conditions: Conditions): PolicyStatement["Condition"] {
    return Object.fromEntries(
        Object.entries(conditions).map(([operator, keys]) => [
            operator,
            Object.fromEntries(
                Object.entries(keys).map(([key, values]) => [key, values.length === 1 ? values[0] : values]),
            ),
        ]),
    );
}
