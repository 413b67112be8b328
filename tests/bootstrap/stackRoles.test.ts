// The bootstrap's deploy roles tell environments apart by what the stacks declare: role path, resource names and
// the `environment` tag. Each stack, as its files configure it and as its reviewed plan declares it, must match, or
// `pulumi up` is denied (the boundary reaches the stack through the deploy workflow: tests/workflows).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { load } from "js-yaml";
import { ENVIRONMENT_TAG, STACK_PROJECT, roleBasePath, stackRepositories } from "../../bootstrap/permissions/scope";
import { readSettings } from "../../bootstrap/settings";
import { parseSettings } from "../../infra/config/stackSettings";
import { findProjectRoot } from "../../infra/registry/projectRoot";
import { loadStackConfig } from "../../tools/mocks/stackConfig";
import { REPOSITORY } from "./bootstrapRun";
import { readSnapshot } from "./iam/workloads";

const projectRoot = findProjectRoot(__dirname);

function bootstrapDefaultRolePath(): string {
    pulumi.runtime.setAllConfig({ "fargate-service-bootstrap:githubRepository": REPOSITORY });
    return readSettings(new pulumi.Config("fargate-service-bootstrap")).workloadRolePath;
}

function stackConfig(stack: string) {
    const { project, config } = loadStackConfig(projectRoot, stack);
    const ciEnvironment = { GITHUB_SHA: "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a" };
    return { project, config, settings: parseSettings((key) => config[`${project}:${key}`], ciEnvironment, project) };
}

const of = (stack: string, type: string) => readSnapshot(stack).resources.filter((resource) => resource.type === type);

describe("the stacks and the bootstrap's deploy roles", () => {
    const basePath = bootstrapDefaultRolePath();

    it("agree on the base role path in the bootstrap's Pulumi.yaml and its code", () => {
        const declared = load(readFileSync(join(projectRoot, "bootstrap", "Pulumi.yaml"), "utf8")) as {
            config: { workloadRolePath: { default: string } };
        };
        assert.equal(declared.config.workloadRolePath.default, basePath);
    });

    it(`serve the project the stacks belong to (${STACK_PROJECT})`, () => {
        assert.equal(stackConfig("dev").project, STACK_PROJECT);
    });

    for (const stack of ["dev", "prod"]) {
        const rolePath = roleBasePath({ workloadRolePath: basePath }, stack);

        it(`${stack} creates its task roles under the path its deploy role may manage (${rolePath})`, () => {
            assert.equal(stackConfig(stack).settings.iamRolePath, rolePath);
            for (const role of of(stack, "aws:iam/role:Role")) assert.equal(role.inputs.path, rolePath, role.name);
        });

        it(`${stack} tags every resource ${ENVIRONMENT_TAG}: ${stack}, as its deploy role's tag conditions require`, () => {
            const tags = stackConfig(stack).config["aws:defaultTags"];
            assert.equal((JSON.parse(String(tags)) as { tags: Record<string, string> }).tags[ENVIRONMENT_TAG], stack);
        });

        it(`${stack} names its repositories, log group, task family, key alias and bucket as its deploy role expects`, () => {
            assert.deepEqual(
                of(stack, "aws:ecr/repository:Repository")
                    .map((r) => r.inputs.name)
                    .sort(),
                stackRepositories(stack).sort(),
            );
            for (const alias of of(stack, "aws:kms/alias:Alias")) {
                assert.ok(String(alias.inputs.name).startsWith(`alias/${STACK_PROJECT}-${stack}-`), alias.name);
            }
            for (const bucket of of(stack, "aws:s3/bucket:Bucket")) {
                assert.ok(String(bucket.inputs.bucketPrefix).startsWith(`${STACK_PROJECT}-${stack}-`), bucket.name);
            }
            assert.deepEqual(
                of(stack, "aws:cloudwatch/logGroup:LogGroup").map((r) => r.inputs.name),
                [`/ecs/${STACK_PROJECT}/${stack}`],
            );
            assert.deepEqual(
                of(stack, "aws:ecs/taskDefinition:TaskDefinition").map((r) => r.inputs.family),
                [`${STACK_PROJECT}-${stack}`],
            );
        });
    }
});
