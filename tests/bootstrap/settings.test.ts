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
    it("default to the dev and prod environments and the /fargate-service/ role path", () => {
        assert.deepEqual(settingsFrom({ githubRepository: "acme/fargate-service" }), {
            githubRepository: "acme/fargate-service",
            environments: ["dev", "prod"],
            existingOidcProviderArn: undefined,
            workloadRolePath: "/fargate-service/",
            stateBucket: undefined,
        });
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
