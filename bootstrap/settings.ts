// The bootstrap's configuration, read once and validated before any resource
// is declared.
import * as pulumi from "@pulumi/pulumi";

export interface BootstrapSettings {
    /** owner/name of the repository whose workflows may assume the roles. */
    readonly githubRepository: string;
    /** GitHub environments that deploy; each gets its own role. */
    readonly environments: readonly string[];
    readonly existingOidcProviderArn?: string;
    /** IAM path of the roles the stack creates, e.g. /fargate-service/. */
    readonly workloadRolePath: string;
    readonly stateBucket?: string;
}

const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const ENVIRONMENT = /^[A-Za-z0-9._-]{1,255}$/;
const OIDC_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/;
const ROLE_PATH = /^\/(?:[A-Za-z0-9+=,.@_-]+\/)+$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function invalid(key: string, value: unknown, allowed: string): Error {
    return new Error(`fargate-service-bootstrap:${key} is ${JSON.stringify(value)}; allowed: ${allowed}.`);
}

function check(key: string, value: string, pattern: RegExp, allowed: string): string {
    if (!pattern.test(value)) throw invalid(key, value, allowed);
    return value;
}

export function readSettings(config = new pulumi.Config()): BootstrapSettings {
    const githubRepository = check(
        "githubRepository",
        config.require("githubRepository"),
        REPOSITORY,
        "the repository as owner/name, e.g. acme/fargate-service",
    );

    const environments = config.getObject<unknown>("environments") ?? ["dev", "prod"];
    if (
        !Array.isArray(environments) ||
        environments.length === 0 ||
        !environments.every((name) => typeof name === "string" && ENVIRONMENT.test(name))
    ) {
        throw invalid("environments", environments, "a non-empty list of GitHub environment names, e.g. [dev, prod]");
    }
    if (new Set(environments).size !== environments.length) {
        throw invalid("environments", environments, "each environment once");
    }

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

    return { githubRepository, environments, existingOidcProviderArn, workloadRolePath, stateBucket };
}
