// A rollback: buildImage=false deploys the image the repository already holds under imageTag, by its digest,
// because an immutable tag cannot be pushed twice. Run under mocked providers on the prod stack file.
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { describeSecurityInvariants } from "./securityInvariants";
import { StackRun, runStack, testImageTag, tokens } from "./stackRun";

let stack: StackRun;
before(async () => {
    stack = await runStack("prod", { buildImage: "false" });
});

describeSecurityInvariants(() => stack, { containerPort: 8080, buildsImage: false });

describe("ImageRegistry (rollback)", () => {
    it("builds and pushes nothing, and asks ECR for no push credentials", () => {
        assert.deepEqual(stack.all(tokens.image), []);
        assert.equal(stack.invoked("aws:ecr/getAuthorizationToken:getAuthorizationToken"), false);
    });

    it("looks up the pushed image by the stack's repository and the tag", () => {
        const lookups = stack.run.invokes.filter((invoke) => invoke.token === "aws:ecr/getImage:getImage");
        assert.equal(lookups.length, 1);
        assert.deepEqual(
            [lookups[0].args.repositoryName, lookups[0].args.imageTag],
            ["fargate-service-prod", testImageTag],
        );
    });

    it("deploys that image by digest and still reports the tag as the version", () => {
        const container = stack.container();
        const repositoryUrl = stack.one(tokens.repository, "registry-repo").outputs.repositoryUrl;
        assert.match(
            container.image,
            new RegExp(`^${String(repositoryUrl).replace(/\./g, "\\.")}@sha256:[0-9a-f]{64}$`),
        );
        assert.equal(stack.run.outputs.image, container.image);
        assert.ok(
            container.environment.some(
                (variable: Record<string, string>) =>
                    variable.name === "APP_VERSION" && variable.value === testImageTag,
            ),
        );
    });
});
