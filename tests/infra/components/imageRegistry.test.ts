// The ImageRegistry component alone: a build and push, a build with a cache source, and a rollback to a pushed tag.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ImageRegistry, ImageRegistryArgs } from "../../../infra/registry/imageRegistry";
import { secretPlaceholder } from "../../../tools/mocks/mockEngine";
import { promiseOf, tokens } from "../stackRun";
import { declaredBy, engine } from "./unitEngine";

const imageTag = "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
const baseArgs: ImageRegistryArgs = {
    repositoryName: "fargate-service-unit",
    imageTag,
    buildImage: true,
    cacheFromImage: "",
    platform: "linux/amd64",
    keepTaggedImages: 20,
    forceDelete: false,
};

describe("ImageRegistry", () => {
    it("owns a private repository with encryption at rest", async () => {
        const declared = await declaredBy(new ImageRegistry("repo", { ...baseArgs, repositoryName: "unit-repo" }));
        const repository = declared.one(tokens.repository).inputs;
        assert.deepEqual([repository.name, repository.forceDelete], ["unit-repo", false]);
        assert.deepEqual(repository.encryptionConfigurations, [{ encryptionType: "AES256" }]);
    });

    it("expires untagged images after a day and keeps the configured number of tagged ones", async () => {
        const declared = await declaredBy(
            new ImageRegistry("lifecycle", { ...baseArgs, repositoryName: "unit-lifecycle", keepTaggedImages: 5 }),
        );
        const policy = JSON.parse(String(declared.one(tokens.lifecyclePolicy).inputs.policy)) as {
            rules: Record<string, any>[];
        };
        assert.deepEqual(
            policy.rules.map((rule) => [rule.rulePriority, rule.selection, rule.action.type]),
            [
                [
                    1,
                    { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 },
                    "expire",
                ],
                [
                    2,
                    { tagStatus: "tagged", tagPatternList: ["*"], countType: "imageCountMoreThan", countNumber: 5 },
                    "expire",
                ],
            ],
        );
    });

    it("builds app/Dockerfile from the repository root for the task's platform, tagged with the commit", async () => {
        const registry = new ImageRegistry("build", {
            ...baseArgs,
            repositoryName: "unit-build",
            platform: "linux/arm64",
        });
        const declared = await declaredBy(registry);
        const image = declared.one(tokens.image);
        assert.deepEqual(image.inputs.build, {
            context: ".",
            dockerfile: "app/Dockerfile",
            platform: "linux/arm64",
            args: { COMMIT_SHA: imageTag, BUILDKIT_INLINE_CACHE: "1" },
        });
        assert.equal(image.inputs.imageName, `${declared.one(tokens.repository).outputs.repositoryUrl}:${imageTag}`);
        assert.equal(image.inputs.registry, secretPlaceholder, "registry credentials reach the build only as a secret");
        assert.equal(await promiseOf(registry.imageRef), image.outputs.repoDigest);
    });

    it("reuses the layers of a given earlier image", async () => {
        const earlier = `123456789012.dkr.ecr.us-east-1.amazonaws.com/unit-cache@sha256:${"ab".repeat(32)}`;
        const declared = await declaredBy(
            new ImageRegistry("cache", { ...baseArgs, repositoryName: "unit-cache", cacheFromImage: earlier }),
        );
        assert.deepEqual((declared.one(tokens.image).inputs.build as Record<string, unknown>).cacheFrom, {
            images: [earlier],
        });
    });

    it("for a rollback builds nothing and deploys the digest ECR holds for the tag", async () => {
        const registry = new ImageRegistry("rollback", {
            ...baseArgs,
            repositoryName: "unit-rollback",
            buildImage: false,
        });
        const declared = await declaredBy(registry);
        assert.deepEqual(declared.all(tokens.image), []);
        const lookup = engine.calls.find(
            (call) => call.token === "aws:ecr/getImage:getImage" && call.args.repositoryName === "unit-rollback",
        );
        assert.equal(lookup?.args.imageTag, imageTag);
        const repositoryUrl = String(declared.one(tokens.repository).outputs.repositoryUrl);
        assert.match(
            await promiseOf(registry.imageRef),
            new RegExp(`^${repositoryUrl.replace(/\./g, "\\.")}@sha256:[0-9a-f]{64}$`),
        );
    });
});
