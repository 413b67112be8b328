// IAM policy documents as plain data, so each grant can be read, and tested, as the JSON AWS receives.

export interface PolicyStatement {
    readonly Sid: string;
    readonly Effect: "Allow" | "Deny";
    readonly Action: readonly string[];
    /** Absent only in a trust policy, which names a Principal instead. */
    readonly Resource?: string | readonly string[];
    readonly Principal?: Record<string, string>;
    readonly Condition?: Record<string, Record<string, string | readonly string[]>>;
}

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly PolicyStatement[];
}

export function document(...statements: PolicyStatement[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: statements };
}
