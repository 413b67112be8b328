// Which GitHub Actions jobs may assume which role. GitHub signs each job's OIDC token; AWS STS checks its claims
// against the trust policy. Since January 2026 STS also checks GitHub's own claims `repository`, `environment` and
// `ref` (AWS What's New, "AWS STS supports validation of identity provider claims", 2026-01; the Service
// Authorization Reference lists token.actions.githubusercontent.com:ref and :environment for
// sts:AssumeRoleWithWebIdentity), so a deploy role can require the branch or tag a run deploys from: a run's `ref`
// is what GitHub ran, which the workflow file cannot change. `sub` is GitHub's default subject
// (repo:OWNER/REPO:environment:NAME, or repo:OWNER/REPO:pull_request; GitHub Docs, OpenID Connect reference,
// "Example subject claims") and `aud` the audience configure-aws-credentials requests.
import { type PolicyDocument, document } from "./policyDocuments";

export const GITHUB_TOKEN_HOST = "token.actions.githubusercontent.com";
export const STS_AUDIENCE = "sts.amazonaws.com";

/** The repository as the token names it: `owner/name` in `repository`; in `sub` also with the owner's and the
 * repository's IDs for repositories using immutable subject claims (owner@ID/name@ID). */
export interface GitHubRepository {
    readonly name: string;
    readonly subject: string;
}

export function parseRepository(value: string): GitHubRepository {
    return { name: value.replace(/@\d+/g, ""), subject: value };
}

const claim = (name: string) => `${GITHUB_TOKEN_HOST}:${name}`;

function trust(oidcProviderArn: string, equals: Record<string, string>, refs: readonly string[]): PolicyDocument {
    return document({
        Sid: "GitHubActionsOfThisRepository",
        Effect: "Allow",
        Action: ["sts:AssumeRoleWithWebIdentity"],
        Principal: { Federated: oidcProviderArn },
        Condition: {
            StringEquals: { [claim("aud")]: STS_AUDIENCE, ...equals },
            StringLike: { [claim("ref")]: refs },
        },
    });
}

/** Jobs of this repository that run in the GitHub environment `environment`, from one of `refs`. */
export function deployTrust(
    oidcProviderArn: string,
    repository: GitHubRepository,
    environment: string,
    refs: readonly string[],
): PolicyDocument {
    return trust(
        oidcProviderArn,
        {
            [claim("sub")]: `repo:${repository.subject}:environment:${environment}`,
            [claim("repository")]: repository.name,
            [claim("environment")]: environment,
        },
        refs,
    );
}

/** pull_request runs of this repository's own branches (forks get no OIDC token). */
export function previewTrust(oidcProviderArn: string, repository: GitHubRepository): PolicyDocument {
    return trust(
        oidcProviderArn,
        { [claim("sub")]: `repo:${repository.subject}:pull_request`, [claim("repository")]: repository.name },
        ["refs/pull/*/merge"],
    );
}
