// The bootstrap's configuration, read once and validated before any resource is declared.
import * as pulumi from "@pulumi/pulumi";

export interface BootstrapSettings {
    /** owner/name of the repository whose workflows may assume the roles (owner@ID/name@ID with immutable subjects). */
    readonly githubRepository: string;
    /** GitHub environments that deploy; each gets its own role. */
    readonly environments: readonly string[];
    /** Per environment, the git refs (branches refs/heads/..., tags refs/tags/...) a deploy may run from. */
    readonly deployRefs: Readonly<Record<string, readonly string[]>>;
    readonly existingOidcProviderArn?: string;
    /** Base IAM path of the roles the stacks create: each environment's under <base><environment>/. */
    readonly workloadRolePath: string;
    readonly stateBucket?: string;
    /** Also create the GitHub environments, their deployment branch policies and the workflows' variables. */
    readonly manageGitHubSettings: boolean;
}

const REPOSITORY = /^[A-Za-z0-9-]+(?:@\d+)?\/[A-Za-z0-9._-]+(?:@\d+)?$/;
const ENVIRONMENT = /^[a-z0-9][a-z0-9-]{0,62}$/;
const OIDC_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/;
const ROLE_PATH = /^\/(?:[A-Za-z0-9+=,.@_-]+\/)+$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** A branch or tag, with at most one `*` and only at its end: no pattern can reach pull requests or other refs. */
const DEPLOY_REF = /^refs\/(?:heads|tags)\/(?:[A-Za-z0-9._-][A-Za-z0-9._/-]*\*?|\*)$/;

/** main deploys every environment; prod also deploys release tags (deploy.yml's triggers). */
const DEFAULT_DEPLOY_REFS = ["dev=refs/heads/main", "prod=refs/heads/main", "prod=refs/tags/v*"];
const DEFAULT_REFS = ["refs/heads/main"];

function invalid(key: string, value: unknown, allowed: string): Error {
    return new Error(`fargate-service-bootstrap:${key} is ${JSON.stringify(value)}; allowed: ${allowed}.`);
}

function check(key: string, value: string, pattern: RegExp, allowed: string): string {
    if (!pattern.test(value)) throw invalid(key, value, allowed);
    return value;
}

function readEnvironments(config: pulumi.Config): string[] {
    const environments = config.getObject<unknown>("environments") ?? ["dev", "prod"];
    if (
        !Array.isArray(environments) ||
        environments.length === 0 ||
        !environments.every((name) => typeof name === "string" && ENVIRONMENT.test(name))
    ) {
        throw invalid(
            "environments",
            environments,
            "a non-empty list of stack names (lowercase letters, digits and dashes), e.g. [dev, prod]",
        );
    }
    if (new Set(environments).size !== environments.length) {
        throw invalid("environments", environments, "each environment once");
    }
    return environments as string[];
}

function readDeployRefs(config: pulumi.Config, environments: readonly string[]): Record<string, readonly string[]> {
    const given =
        config.getObject<unknown>("deployRefs") ??
        DEFAULT_DEPLOY_REFS.filter((entry) => environments.includes(entry.split("=")[0]));
    const allowed =
        "a list of ENVIRONMENT=REF, REF being refs/heads/BRANCH or refs/tags/TAG with one * at most, at its end";
    if (!Array.isArray(given)) throw invalid("deployRefs", given, allowed);
    const byEnvironment: Record<string, string[]> = {};
    for (const entry of given) {
        const [environment, ref] = typeof entry === "string" ? entry.split("=", 2) : [];
        if (environment === undefined || ref === undefined || !DEPLOY_REF.test(ref)) {
            throw invalid("deployRefs", entry, allowed);
        }
        if (!environments.includes(environment)) {
            throw invalid("deployRefs", entry, `refs of the environments ${environments.join(", ")}`);
        }
        (byEnvironment[environment] ??= []).push(ref);
    }
    return Object.fromEntries(
        environments.map((environment) => [environment, byEnvironment[environment] ?? DEFAULT_REFS]),
    );
}

export function readSettings(config = new pulumi.Config()): BootstrapSettings {
    const githubRepository = check(
        "githubRepository",
        config.require("githubRepository"),
        REPOSITORY,
        "the repository as owner/name, e.g. acme/fargate-service (owner@ID/name@ID for immutable subject claims)",
    );
    const environments = readEnvironments(config);

    const existingArn = config.get("existingOidcProviderArn");
    const existingOidcProviderArn =
        existingArn === undefined
            ? undefined
            : check(
                  "existingOidcProviderArn",
                  existingArn,
                  OIDC_PROVIDER_ARN,
                  "the ARN of an IAM OIDC provider for token.actions.githubusercontent.com",
              );

    const workloadRolePath = check(
        "workloadRolePath",
        config.get("workloadRolePath") ?? "/fargate-service/",
        ROLE_PATH,
        "an IAM path that starts and ends with /, e.g. /fargate-service/",
    );

    const bucketUrl = config.get("stateBucket");
    const stateBucket =
        bucketUrl === undefined
            ? undefined
            : check("stateBucket", bucketUrl.replace(/^s3:\/\//, ""), BUCKET, "an S3 bucket name or s3://NAME");

    return {
        githubRepository,
        environments,
        deployRefs: readDeployRefs(config, environments),
        existingOidcProviderArn,
        workloadRolePath,
        stateBucket,
        manageGitHubSettings: config.getBoolean("manageGitHubSettings") ?? true,
    };
}
