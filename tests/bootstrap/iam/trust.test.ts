// Who may assume the roles: the trust policies evaluated for GitHub OIDC tokens as GitHub issues them (claims of the
// GitHub Docs' OpenID Connect reference: sub, aud, repository, environment, ref).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GITHUB_TOKEN_HOST, deployTrust, parseRepository, previewTrust } from "../../../bootstrap/githubTrust";
import type { PolicyDocument } from "../../../bootstrap/policyDocuments";
import { account } from "./fixture";
import { decideUnchecked } from "./simulator";

const PROVIDER = `arn:aws:iam::${account.accountId}:oidc-provider/${GITHUB_TOKEN_HOST}`;
const REPOSITORY = parseRepository("acme/fargate-service");
const REFS = { dev: ["refs/heads/main"], prod: ["refs/heads/main", "refs/tags/v*"] };

/** The claims of a job's token: `environment` when the job names one, else its event decides the subject. */
interface Job {
    readonly repository?: string;
    readonly environment?: string;
    readonly event: "push" | "workflow_dispatch" | "pull_request";
    readonly ref: string;
    readonly audience?: string;
}

export function tokenClaims(job: Job): Record<string, string> {
    const repository = job.repository ?? REPOSITORY.name;
    const context =
        job.environment !== undefined
            ? `environment:${job.environment}`
            : job.event === "pull_request"
              ? "pull_request"
              : `ref:${job.ref}`;
    const claim = (name: string) => `${GITHUB_TOKEN_HOST}:${name}`;
    return {
        [claim("sub")]: `repo:${repository}:${context}`,
        [claim("aud")]: job.audience ?? "sts.amazonaws.com",
        [claim("repository")]: repository,
        [claim("ref")]: job.ref,
        ...(job.environment !== undefined ? { [claim("environment")]: job.environment } : {}),
    };
}

export function mayAssume(trust: PolicyDocument, role: string, job: Job): boolean {
    return (
        decideUnchecked(
            { identity: [], resource: trust },
            {
                principal: PROVIDER,
                action: "sts:AssumeRoleWithWebIdentity",
                resource: `arn:aws:iam::${account.accountId}:role/${role}`,
                context: tokenClaims(job),
            },
        ) === "Allowed"
    );
}

const deploy = (environment: "dev" | "prod") => deployTrust(PROVIDER, REPOSITORY, environment, REFS[environment]);
const preview = previewTrust(PROVIDER, REPOSITORY);

const cases: [string, PolicyDocument, Job, boolean][] = [
    ["dev, pushed to main", deploy("dev"), { environment: "dev", event: "push", ref: "refs/heads/main" }, true],
    [
        "dev, from a feature branch",
        deploy("dev"),
        { environment: "dev", event: "push", ref: "refs/heads/feature" },
        false,
    ],
    [
        "dev, dispatched on a feature branch",
        deploy("dev"),
        { environment: "dev", event: "workflow_dispatch", ref: "refs/heads/x" },
        false,
    ],
    ["dev, from a release tag", deploy("dev"), { environment: "dev", event: "push", ref: "refs/tags/v1.2.3" }, false],
    [
        "dev, a pull request naming the dev environment",
        deploy("dev"),
        { environment: "dev", event: "pull_request", ref: "refs/pull/7/merge" },
        false,
    ],
    ["dev, main but outside the dev environment", deploy("dev"), { event: "push", ref: "refs/heads/main" }, false],
    [
        "dev, in the prod environment",
        deploy("dev"),
        { environment: "prod", event: "push", ref: "refs/heads/main" },
        false,
    ],
    [
        "dev, another repository",
        deploy("dev"),
        { repository: "evil/fargate-service", environment: "dev", event: "push", ref: "refs/heads/main" },
        false,
    ],
    [
        "dev, a token for another audience",
        deploy("dev"),
        { environment: "dev", event: "push", ref: "refs/heads/main", audience: "api://x" },
        false,
    ],
    ["prod, from a release tag", deploy("prod"), { environment: "prod", event: "push", ref: "refs/tags/v1.2.3" }, true],
    [
        "prod, dispatched on main",
        deploy("prod"),
        { environment: "prod", event: "workflow_dispatch", ref: "refs/heads/main" },
        true,
    ],
    [
        "prod, from a feature branch",
        deploy("prod"),
        { environment: "prod", event: "push", ref: "refs/heads/feature" },
        false,
    ],
    [
        "prod, from a tag that is no release",
        deploy("prod"),
        { environment: "prod", event: "push", ref: "refs/tags/nightly" },
        false,
    ],
    [
        "prod, in the dev environment",
        deploy("prod"),
        { environment: "dev", event: "push", ref: "refs/heads/main" },
        false,
    ],
    ["preview, a pull request", preview, { event: "pull_request", ref: "refs/pull/7/merge" }, true],
    ["preview, a push to main", preview, { event: "push", ref: "refs/heads/main" }, false],
    [
        "preview, a pull request naming an environment",
        preview,
        { environment: "dev", event: "pull_request", ref: "refs/pull/7/merge" },
        false,
    ],
    [
        "preview, another repository's pull request",
        preview,
        { repository: "evil/x", event: "pull_request", ref: "refs/pull/7/merge" },
        false,
    ],
];

describe("the roles' trust", () => {
    for (const [what, trust, job, allowed] of cases) {
        it(`${allowed ? "lets" : "refuses"} ${what}`, () => {
            assert.equal(mayAssume(trust, "github-role", job), allowed);
        });
    }

    it("matches the immutable subject of a repository created after 2026-07-15", () => {
        const immutable = parseRepository("acme@123456/fargate-service@456789");
        const trust = deployTrust(PROVIDER, immutable, "dev", REFS.dev);
        const job = { environment: "dev", event: "push" as const, ref: "refs/heads/main" };
        const claims = {
            ...tokenClaims(job),
            [`${GITHUB_TOKEN_HOST}:sub`]: "repo:acme@123456/fargate-service@456789:environment:dev",
        };
        const decision = decideUnchecked(
            { identity: [], resource: trust },
            {
                principal: PROVIDER,
                action: "sts:AssumeRoleWithWebIdentity",
                resource: `arn:aws:iam::${account.accountId}:role/r`,
                context: claims,
            },
        );
        assert.equal(decision, "Allowed");
    });
});
