// The ImageRegistry component alone: the repository, its build cache, a build and push, and a rollback to a pushed tag.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ImageRegistry, ImageRegistryArgs } from "../../../infra/registry/imageRegistry";
import { secretPlaceholder } from "../../../tools/mocks/mockEngine";
import { Declared, promiseOf, tokens } from "../stackRun";
import { declaredBy, engine } from "./unitEngine";

const imageTag = "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
const baseArgs: ImageRegistryArgs = {
    repositoryName: "fargate-service-unit",
    imageTag,
    buildImage: true,
    platform: "linux/amd64",
    forceDelete: false,
};

/** The image repository and the cache repository, told apart by name. */
function repositories(declared: Declared, name: string) {
    return {
        image: declared.one(tokens.repository, `${name}-repo`),
        cache: declared.one(tokens.repository, `${name}-cache-repo`),
    };
}

describe("ImageRegistry", () => {
    it("owns a private repository with encryption at rest", async () => {
        const declared = await declaredBy(new ImageRegistry("repo", { ...baseArgs, repositoryName: "unit-repo" }));
        const repository = repositories(declared, "repo").image.inputs;
        assert.deepEqual([repository.name, repository.forceDelete], ["unit-repo", false]);
        assert.equal(repository.imageTagMutabilityExclusionFilters, undefined);
        assert.deepEqual(repository.encryptionConfigurations, [{ encryptionType: "AES256" }]);
    });

    it("keeps the build cache in a repository of its own where only the cache tags may move", async () => {
        const declared = await declaredBy(new ImageRegistry("cached", { ...baseArgs, repositoryName: "unit-cached" }));
        const cache = repositories(declared, "cached").cache.inputs;
        assert.deepEqual(
            [cache.name, cache.imageTagMutability, cache.imageTagMutabilityExclusionFilters, cache.forceDelete],
            [
                "unit-cached-cache",
                "IMMUTABLE_WITH_EXCLUSION",
                [{ filter: "buildcache-*", filterType: "WILDCARD" }],
                true,
            ],
        );
        assert.deepEqual(cache.encryptionConfigurations, [{ encryptionType: "AES256" }]);
        const policy = JSON.parse(String(declared.one(tokens.lifecyclePolicy).inputs.policy)) as {
            rules: Record<string, any>[];
        };
        assert.deepEqual(
            policy.rules.map((rule) => [rule.selection, rule.action.type]),
            [[{ tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 }, "expire"]],
        );
    });

    it("declares no lifecycle policy for the image repository: ImageRetention sets it once the service runs", async () => {
        const declared = await declaredBy(
            new ImageRegistry("policies", { ...baseArgs, repositoryName: "unit-policies" }),
        );
        const cacheRepository = repositories(declared, "policies").cache.outputs.name;
        assert.deepEqual(
            declared.all(tokens.lifecyclePolicy).map((policy) => policy.inputs.repository),
            [cacheRepository],
        );
    });

    it("builds app/Dockerfile from the repository root for the task's platform, from the commit and settings alone", async () => {
        const registry = new ImageRegistry("build", {
            ...baseArgs,
            repositoryName: "unit-build",
            platform: "linux/arm64",
        });
        const declared = await declaredBy(registry);
        const { image: repository, cache } = repositories(declared, "build");
        const cacheRef = `${String(cache.outputs.repositoryUrl)}:buildcache-linux-arm64`;
        const image = declared.one(tokens.image);
        const { registries, ...inputs } = image.inputs;
        assert.deepEqual(inputs, {
            tags: [`${String(repository.outputs.repositoryUrl)}:${imageTag}`],
            push: true,
            buildOnPreview: false,
            context: { location: "." },
            dockerfile: { location: "app/Dockerfile" },
            platforms: ["linux/arm64"],
            buildArgs: { COMMIT_SHA: imageTag },
            // The SDK's default: the build runs on the builder's own network.
            network: "default",
            cacheFrom: [{ registry: { ref: cacheRef } }],
            cacheTo: [
                {
                    registry: {
                        ref: cacheRef,
                        mode: "max",
                        imageManifest: true,
                        ociMediaTypes: true,
                        ignoreError: true,
                    },
                },
            ],
        });
        assert.equal(registries, secretPlaceholder, "registry credentials reach the build only as a secret");
        assert.equal(
            await promiseOf(registry.imageRef),
            `${String(repository.outputs.repositoryUrl)}@${String(image.outputs.digest)}`,
        );
    });

    it("leaves pushed images to the lifecycle policy: dropping the image resource deletes nothing in ECR", async () => {
        const declared = await declaredBy(new ImageRegistry("retain", { ...baseArgs, repositoryName: "unit-retain" }));
        assert.equal(declared.one(tokens.image).retainOnDelete, true);
    });

    it("for a rollback builds nothing and deploys the digest ECR holds for the tag, keeping the cache", async () => {
        const registry = new ImageRegistry("rollback", {
            ...baseArgs,
            repositoryName: "unit-rollback",
            buildImage: false,
        });
        const declared = await declaredBy(registry);
        assert.deepEqual(declared.all(tokens.image), []);
        assert.equal(repositories(declared, "rollback").cache.inputs.name, "unit-rollback-cache");
        const lookup = engine.calls.find(
            (call) => call.token === "aws:ecr/getImage:getImage" && call.args.repositoryName === "unit-rollback",
        );
        assert.equal(lookup?.args.imageTag, imageTag);
        const repositoryUrl = String(repositories(declared, "rollback").image.outputs.repositoryUrl);
        assert.match(
            await promiseOf(registry.imageRef),
            new RegExp(`^${repositoryUrl.replace(/\./g, "\\.")}@sha256:[0-9a-f]{64}$`),
        );
    });
});
