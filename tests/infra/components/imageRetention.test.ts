// The ImageRetention component alone: the image repository's lifecycle policy, run through ECR's documented
// evaluation (ecrLifecycle.ts) over the pushes and deploys of issue 11 finding 7.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as aws from "@pulumi/aws";
import { ImageRetention } from "../../../infra/registry/imageRetention";
import { LifecycleRule } from "../../../infra/registry/retentionRules";
import { tokens } from "../stackRun";
import { RepositoryImage, expiredImages } from "./ecrLifecycle";
import { declaredBy } from "./unitEngine";

let instances = 0;

/** The rules ImageRetention declares for a service running `runningImageTag`. */
async function declaredRules(runningImageTag: string, keepTaggedImages: number): Promise<LifecycleRule[]> {
    const name = `retention-${++instances}`;
    const service = new aws.ecs.Service(`${name}-service`, {});
    const declared = await declaredBy(
        new ImageRetention(name, {
            repositoryName: `unit-${name}`,
            runningImageTag,
            keepTaggedImages,
            serviceName: service.name,
        }),
    );
    return (JSON.parse(String(declared.one(tokens.lifecyclePolicy).inputs.policy)) as { rules: LifecycleRule[] }).rules;
}

/** The policy before issue 11: untagged after a day, then the newest N tagged images, nothing about what runs. */
function policyBeforeTheFix(keepTaggedImages: number): LifecycleRule[] {
    return [
        {
            rulePriority: 1,
            description: "Expire untagged images after one day",
            selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 },
            action: { type: "expire" },
        },
        {
            rulePriority: 2,
            description: `Keep the last ${keepTaggedImages} tagged images`,
            selection: {
                tagStatus: "tagged",
                tagPatternList: ["*"],
                countType: "imageCountMoreThan",
                countNumber: keepTaggedImages,
            },
            action: { type: "expire" },
        },
    ];
}

/** Commit-tagged images, oldest first, one pushed per day up to yesterday. */
function pushes(...commits: string[]): RepositoryImage[] {
    return commits.map((commit, i) => ({ name: commit, tags: [commit], pushedDaysAgo: commits.length - i }));
}

const rule = (rulePriority: number, selection: LifecycleRule["selection"]): LifecycleRule => ({
    rulePriority,
    description: "",
    selection,
    action: { type: "expire" },
});

describe("the ECR lifecycle evaluation the tests rely on", () => {
    // Each case is a worked example of the Amazon ECR User Guide, "Examples of lifecycle policies", with its result.
    const multipleRules: RepositoryImage[] = [
        { name: "A", tags: ["beta-1", "prod-1"], pushedDaysAgo: 10 },
        { name: "B", tags: ["beta-2", "prod-2"], pushedDaysAgo: 9 },
        { name: "C", tags: ["beta-3"], pushedDaysAgo: 8 },
    ];
    const keepOne = (prefix: string) => ({
        tagStatus: "tagged" as const,
        tagPrefixList: [prefix],
        countType: "imageCountMoreThan" as const,
        countNumber: 1,
    });

    it("replays 'Filtering on multiple rules', examples A and B", () => {
        assert.deepEqual(expiredImages([rule(1, keepOne("prod")), rule(2, keepOne("beta"))], multipleRules), ["A"]);
        assert.deepEqual(expiredImages([rule(1, keepOne("beta")), rule(2, keepOne("prod"))], multipleRules), [
            "A",
            "B",
        ]);
    });

    it("replays 'Filtering on multiple tags in a single rule', examples A and B", () => {
        const images: RepositoryImage[] = [
            { name: "A", tags: ["alpha-1"], pushedDaysAgo: 12 },
            { name: "B", tags: ["beta-1"], pushedDaysAgo: 11 },
            { name: "C", tags: ["alpha-2", "beta-2"], pushedDaysAgo: 10 },
            { name: "D", tags: ["alpha-3"], pushedDaysAgo: 4 },
            { name: "E", tags: ["beta-3"], pushedDaysAgo: 3 },
            { name: "F", tags: ["alpha-4", "beta-4"], pushedDaysAgo: 2 },
        ];
        const both = { tagStatus: "tagged" as const, tagPrefixList: ["alpha", "beta"] };
        assert.deepEqual(
            expiredImages(
                [rule(1, { ...both, countType: "sinceImagePushed", countUnit: "days", countNumber: 5 })],
                images,
            ),
            ["C"],
        );
        const notExclusive: RepositoryImage[] = [
            { name: "A", tags: ["alpha-1", "beta-1", "gamma-1"], pushedDaysAgo: 10 },
            { name: "B", tags: ["alpha-2", "beta-2"], pushedDaysAgo: 9 },
            { name: "C", tags: ["alpha-3", "beta-3", "gamma-2"], pushedDaysAgo: 8 },
        ];
        assert.deepEqual(
            expiredImages([rule(1, { ...both, countType: "imageCountMoreThan", countNumber: 1 })], notExclusive),
            ["A", "B"],
        );
    });

    it("replays 'Filtering on all images', examples A and B", () => {
        const anyKeepOne = { tagStatus: "any" as const, countType: "imageCountMoreThan" as const, countNumber: 1 };
        const four: RepositoryImage[] = [
            { name: "A", tags: ["alpha-1"], pushedDaysAgo: 4 },
            { name: "B", tags: ["beta-1"], pushedDaysAgo: 3 },
            { name: "C", tags: [], pushedDaysAgo: 2 },
            { name: "D", tags: ["alpha-2"], pushedDaysAgo: 1 },
        ];
        assert.deepEqual(expiredImages([rule(1, anyKeepOne)], four), ["A", "B", "C"]);
        // D and E were both "pushed 1 day ago"; the example keeps E as the newest, so E came after D.
        const five: RepositoryImage[] = [
            { name: "A", tags: ["alpha-1", "beta-1"], pushedDaysAgo: 4 },
            { name: "B", tags: [], pushedDaysAgo: 3 },
            { name: "C", tags: ["alpha-2"], pushedDaysAgo: 2 },
            { name: "D", tags: ["git hash"], pushedDaysAgo: 1 },
            { name: "E", tags: [], pushedDaysAgo: 0.99 },
        ];
        const untaggedAfterADay = {
            tagStatus: "untagged" as const,
            countType: "sinceImagePushed" as const,
            countUnit: "days" as const,
            countNumber: 1,
        };
        assert.deepEqual(
            expiredImages([rule(1, keepOne("alpha")), rule(2, untaggedAfterADay), rule(3, anyKeepOne)], five),
            ["A", "B", "D"],
        );
    });
});

describe("ImageRetention", () => {
    it("never expires the running image, however many images are pushed after it (deploys that failed)", async () => {
        const images = pushes("running", "failed-1", "failed-2", "failed-3", "failed-4", "failed-5");
        assert.deepEqual(expiredImages(policyBeforeTheFix(3), images), ["running", "failed-1", "failed-2"]);
        assert.deepEqual(expiredImages(await declaredRules("running", 3), images), ["failed-1", "failed-2"]);
    });

    it("never expires an older image the stack rolled back to, while newer ones keep arriving", async () => {
        // Rolled back to c3 while it was inside the window of 3 (c3, c4, c5); then c6 and c7 were pushed.
        const images = pushes("c1", "c2", "c3", "c4", "c5", "c6", "c7");
        assert.deepEqual(expiredImages(policyBeforeTheFix(3), images), ["c1", "c2", "c3", "c4"]);
        assert.deepEqual(expiredImages(await declaredRules("c3", 3), images), ["c1", "c2", "c4"]);
    });

    it("keeps the newest images as the rollback window and expires untagged leftovers after a day", async () => {
        const images: RepositoryImage[] = [
            ...pushes("old-1", "old-2", "recent-1", "recent-2", "running"),
            { name: "interrupted push", tags: [], pushedDaysAgo: 2 },
            { name: "push in progress", tags: [], pushedDaysAgo: 0.1 },
        ];
        assert.deepEqual(expiredImages(await declaredRules("running", 3), images), [
            "old-1",
            "old-2",
            "interrupted push",
        ]);
    });

    it("names the running image only once the service that runs it is deployed", async () => {
        const service = new aws.ecs.Service("ordering-service", {});
        const declared = await declaredBy(
            new ImageRetention("ordering", {
                repositoryName: "unit-ordering",
                runningImageTag: "abc1234",
                keepTaggedImages: 20,
                serviceName: service.name,
            }),
        );
        const serviceUrn = await new Promise<string>((resolve) => service.urn.apply(resolve));
        assert.deepEqual(declared.one(tokens.lifecyclePolicy).dependencies, [serviceUrn]);
    });
});
