// IAM policy documents of the bootstrap, as plain functions of the account,
// so each grant can be read, and tested, as the JSON AWS receives.

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

/** Where the roles live and what they reach. */
export interface Account {
    readonly partition: string;
    readonly accountId: string;
    readonly region: string;
    readonly workloadRolePath: string;
    readonly stateBucket?: string;
}

export const GITHUB_TOKEN_HOST = "token.actions.githubusercontent.com";
export const STS_AUDIENCE = "sts.amazonaws.com";

export function document(...statements: PolicyStatement[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: statements };
}

/**
 * Trust for GitHub's OIDC token whose `sub` claim is exactly one of `subjects`,
 * e.g. `repo:acme/fargate-service:environment:prod`. StringEquals, not
 * StringLike: no wildcard can widen it to other repositories or branches.
 */
export function githubTrust(oidcProviderArn: string, subjects: readonly string[]): PolicyDocument {
    return document({
        Sid: "GitHubActionsOfThisRepository",
        Effect: "Allow",
        Action: ["sts:AssumeRoleWithWebIdentity"],
        Principal: { Federated: oidcProviderArn },
        Condition: {
            StringEquals: {
                [`${GITHUB_TOKEN_HOST}:aud`]: STS_AUDIENCE,
                [`${GITHUB_TOKEN_HOST}:sub`]: subjects,
            },
        },
    });
}

export function workloadRoleArns(account: Account): string {
    return `arn:${account.partition}:iam::${account.accountId}:role${account.workloadRolePath}*`;
}

/**
 * The most the stack's task and execution roles may ever be granted: pull the
 * image and write logs. The deploy roles create those roles only inside it.
 */
export function workloadBoundary(account: Account): PolicyDocument {
    const { partition, accountId, region } = account;
    return document(
        {
            Sid: "PullTheServiceImage",
            Effect: "Allow",
            Action: [
                "ecr:GetAuthorizationToken",
                "ecr:BatchCheckLayerAvailability",
                "ecr:GetDownloadUrlForLayer",
                "ecr:BatchGetImage",
            ],
            Resource: "*",
        },
        {
            Sid: "WriteTheServiceLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: `arn:${partition}:logs:${region}:${accountId}:log-group:*`,
        },
    );
}

/** Read access to a self-managed backend; preview also takes the stack lock. */
export function stateBucketAccess(account: Account, canWrite: boolean): PolicyStatement[] {
    if (account.stateBucket === undefined) return [];
    const bucket = `arn:${account.partition}:s3:::${account.stateBucket}`;
    return [
        {
            Sid: "ListTheStateBucket",
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:GetBucketLocation"],
            Resource: bucket,
        },
        {
            Sid: canWrite ? "ReadAndWriteTheStackState" : "ReadTheStackState",
            Effect: "Allow",
            Action: ["s3:GetObject"],
            Resource: `${bucket}/*`,
        },
        {
            Sid: canWrite ? "WriteTheStackState" : "TakeTheStackLock",
            Effect: "Allow",
            Action: ["s3:PutObject", "s3:DeleteObject"],
            Resource: canWrite ? `${bucket}/*` : `${bucket}/.pulumi/locks/*`,
        },
    ];
}
