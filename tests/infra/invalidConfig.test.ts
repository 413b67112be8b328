// The program rejects a bad configuration before it declares a single resource.
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { ConfigError } from "../../infra/config/stackSettings";
import { ProgramRun, runProgram } from "../../tools/mocks/mockEngine";
import { loadStackConfig } from "../../tools/mocks/stackConfig";
import { projectRoot, programPath, testImageTag } from "./stackRun";

let outcome: { run?: ProgramRun; error?: unknown };
const registeredTypes: string[] = [];
before(async () => {
    const stackConfig = loadStackConfig(projectRoot, "prod");
    const config = {
        ...stackConfig.config,
        "fargate-service:imageTag": testImageTag,
        "fargate-service:cpu": "256",
        "fargate-service:memory": "4096",
        "fargate-service:minCount": "3",
    };
    try {
        outcome = {
            run: await runProgram(programPath, {
                project: stackConfig.project,
                stack: "prod",
                config,
                onResource: (resource) => registeredTypes.push(resource.type),
            }),
        };
    } catch (error) {
        outcome = { error };
    }
});

describe("a prod stack with memory 4096 on cpu 256 and minCount 3 above desiredCount 2", () => {
    it("fails with one ConfigError naming each bad key, its value and what is allowed", () => {
        assert.ok(outcome.error instanceof ConfigError, `expected a ConfigError, got ${String(outcome.error)}`);
        assert.equal(
            outcome.error.message,
            [
                "Invalid configuration:",
                '  - `fargate-service:memory` is "4096"; with cpu 256 Fargate allows memory 512, 1024 or 2048 (MiB)',
                '  - `fargate-service:desiredCount` is "2"; allowed: from minCount (3) to maxCount (6), as minCount <= desiredCount <= maxCount',
            ].join("\n"),
        );
    });

    it("declares no resource but the stack itself", () => {
        assert.equal(outcome.run, undefined);
        assert.deepEqual(registeredTypes, ["pulumi:pulumi:Stack"]);
    });
});
