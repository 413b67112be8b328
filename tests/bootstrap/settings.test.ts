// Each bad bootstrap setting fails before any resource is declared, with one
// message naming the key, the value and what is allowed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { readSettings } from "../../bootstrap/settings";

const PROJECT = "fargate-service-bootstrap";

function settingsFrom(values: Record<string, string>) {
    pulumi.runtime.setAllConfig(
        Object.fromEntries(Object.entries(values).map(([key, value]) => [`${PROJECT}:${key}`, value])),
    );
    return readSettings(new pulumi.Config(PROJECT));
}

describe("bootstrap settings", () => {
    it("default to dev and prod, deployed from main (prod also from v* tags), roles under /fargate-service/<env>/", () => {
        assert.deepEqual(settingsFrom({ githubRepository: "acme/fargate-service" }), {
            githubRepository: "acme/fargate-service",
            environments: ["dev", "prod"],
            deployRefs: { dev: ["refs/heads/main"], prod: ["refs/heads/main", "refs/tags/v*"] },
            existingOidcProviderArn: undefined,
            workloadRolePath: "/fargate-service/",
            stateBucket: undefined,
            manageGitHubSettings: true,
        });
    });

    it("accept a repository with immutable subject claims, and refs per environment", () => {
        const settings = settingsFrom({
            githubRepository: "acme@123/fargate-service@456",
            environments: '["staging"]',
            deployRefs: '["staging=refs/heads/release/*","staging=refs/tags/*"]',
            manageGitHubSettings: "false",
        });
        assert.equal(settings.githubRepository, "acme@123/fargate-service@456");
        assert.deepEqual(settings.deployRefs, { staging: ["refs/heads/release/*", "refs/tags/*"] });
        assert.equal(settings.manageGitHubSettings, false);
    });

    const rejected: [string, Record<string, string>, RegExp][] = [
        [
            "a repository without its owner",
            { githubRepository: "fargate-service" },
            /githubRepository is "fargate-service"; allowed: the repository as owner\/name/,
        ],
        ["a wildcard repository", { githubRepository: "acme/*" }, /githubRepository is "acme\/\*"/],
        [
            "no environments",
            { githubRepository: "acme/x", environments: "[]" },
            /environments is \[\]; allowed: a non-empty list/,
        ],
        [
            "an environment listed twice",
            { githubRepository: "acme/x", environments: '["prod","prod"]' },
            /environments is \["prod","prod"\]; allowed: each environment once/,
        ],
        [
            "a provider that is not GitHub's",
            {
                githubRepository: "acme/x",
                existingOidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/example.com",
            },
            /existingOidcProviderArn is "arn:aws:iam::123456789012:oidc-provider\/example.com"/,
        ],
        [
            "a role path without its slashes",
            { githubRepository: "acme/x", workloadRolePath: "fargate-service" },
            /workloadRolePath is "fargate-service"; allowed: an IAM path that starts and ends with \//,
        ],
        [
            "refs for an environment that does not exist",
            { githubRepository: "acme/x", deployRefs: '["qa=refs/heads/main"]' },
            /deployRefs is "qa=refs\/heads\/main"; allowed: refs of the environments dev, prod/,
        ],
        [
            "a ref that is no branch or tag",
            { githubRepository: "acme/x", deployRefs: '["dev=refs/pull/*/merge"]' },
            /deployRefs is "dev=refs\/pull\/\*\/merge"; allowed: a list of ENVIRONMENT=REF/,
        ],
        [
            "a wildcard inside a ref",
            { githubRepository: "acme/x", deployRefs: '["prod=refs/heads/*/main"]' },
            /deployRefs is "prod=refs\/heads\/\*\/main"/,
        ],
        [
            "a ref without its environment",
            { githubRepository: "acme/x", deployRefs: '["refs/heads/main"]' },
            /deployRefs is "refs\/heads\/main"; allowed: a list of ENVIRONMENT=REF/,
        ],
        [
            "an environment name a stack cannot have",
            { githubRepository: "acme/x", environments: '["Prod"]' },
            /environments is \["Prod"\]; allowed: a non-empty list of stack names/,
        ],
        [
            "an invalid bucket name",
            { githubRepository: "acme/x", stateBucket: "s3://Bad_Bucket" },
            /stateBucket is "Bad_Bucket"; allowed: an S3 bucket name/,
        ],
    ];
    for (const [what, values, message] of rejected) {
        it(`rejects ${what}`, () => assert.throws(() => settingsFrom(values), message));
    }

    it("requires the repository", () => {
        assert.throws(() => settingsFrom({}), /githubRepository/);
    });
});
