// KMS rules stated in its API reference but not in the model: the alias namespace and the deletion window (the
// model's PendingWindowInDaysType allows 1 to 365 days), and the key policy's grammar.
import { resourceTypes as t } from "../../../resourceTypes";
import { DocumentedRule, inputRule, RuleViolation } from "../documentedRule";
import { keyPolicyRule } from "./iamPolicies";

const kmsApi = "https://docs.aws.amazon.com/kms/latest/APIReference";

/** CreateKey's Policy: "Each statement in the key policy must contain one or more principals". */
const keyPolicyPrincipals: DocumentedRule = {
    rule: "each statement of a key policy names a Principal",
    source: `${kmsApi}/API_CreateKey.html`,
    violations(inputs): RuleViolation[] {
        let statements: unknown;
        try {
            statements = (JSON.parse(String(inputs.policy)) as { Statement?: unknown }).Statement;
        } catch {
            return []; // no policy, or none that parses: the grammar rule reports that one
        }
        const list = (Array.isArray(statements) ? statements : [statements]) as Record<string, unknown>[];
        return list.flatMap((statement, i) =>
            statement !== null &&
            typeof statement === "object" &&
            statement.Principal === undefined &&
            statement.NotPrincipal === undefined
                ? [{ input: `policy Statement[${i}]`, value: statement }]
                : [],
        );
    },
};

export const kmsRules: Readonly<Record<string, readonly DocumentedRule[]>> = {
    [t.kmsKey]: [
        keyPolicyRule,
        keyPolicyPrincipals,
        inputRule(
            "deletionWindowInDays",
            "7 to 30 days",
            `${kmsApi}/API_ScheduleKeyDeletion.html`,
            (days) => !Number.isInteger(days) || (days as number) < 7 || (days as number) > 30,
        ),
    ],
    [t.kmsAlias]: [
        inputRule(
            "name",
            'begins with "alias/", and not with "alias/aws/", which AWS keeps for its managed keys',
            `${kmsApi}/API_CreateAlias.html`,
            (name) => !String(name).startsWith("alias/") || String(name).startsWith("alias/aws/"),
        ),
    ],
};
