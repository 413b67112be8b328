// How one environment's resources are told apart from another's in a shared account: by name where the stack
// names them (repository, log group, role path, task family, parameter path, bucket prefix), by the `environment`
// tag the stacks set through aws:defaultTags where AWS names them (clusters, load balancers, VPC parts...). With one
// account per environment (the recommended setup, docs/deploy.md) the account itself separates them as well.

/** The Pulumi project whose stacks the roles deploy: it names the repository, log group and task family. */
export const STACK_PROJECT = "fargate-service";

/** The stack's ECR repositories: the image's, and its build cache's beside it (infra/registry/imageRegistry.ts). */
export function stackRepositories(environment: string): string[] {
    return [`${STACK_PROJECT}-${environment}`, `${STACK_PROJECT}-${environment}-cache`];
}

/** The tag every resource of a stack carries (Pulumi.<stack>.yaml, aws:defaultTags), with the stack's name. */
export const ENVIRONMENT_TAG = "environment";

/** Where the roles live and what they reach. */
export interface Account {
    readonly partition: string;
    readonly accountId: string;
    readonly region: string;
    /** Base IAM path of the stacks' task roles: each environment's roles live under `<base><environment>/`. */
    readonly workloadRolePath: string;
    readonly stateBucket?: string;
}

export interface Scope {
    /** The IAM resource type (iam-data's name) the patterns match. */
    readonly iamType: string;
    readonly by: "name" | "tag" | "shared";
    /** Every resource of the kind in the account and region. */
    kind(account: Account): string;
    /** The environment's resources of the kind, for `by: "name"`. */
    named?(account: Account, environment: string): string[];
    /** ARNs of resources of `environment` as the provider meets them (the simulation's requests). */
    examples(account: Account, environment: string): string[];
}

export function roleBasePath(account: Pick<Account, "workloadRolePath">, environment: string): string {
    return `${account.workloadRolePath}${environment}/`;
}
