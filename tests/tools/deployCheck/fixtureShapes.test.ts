// The recorded DescribeServices answers are shaped exactly as ECS answers: every field is a member of its shape in
// AWS's own API model (botocore's ecs service-2.json), every value of the member's type, every enum value allowed.
// A fixture the model would not produce would test the check against an answer ECS never gives.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, it } from "node:test";
import { fixturePath, recordedCases } from "./recordedAnswers";

interface Shape {
    type: string;
    members?: Record<string, { shape: string }>;
    member?: { shape: string };
    value?: { shape: string };
    enum?: string[];
}

/**
 * botocore's ECS model from the Python installation (pip's botocore, or Debian's python3-botocore, which
 * tests/run-all.sh installs): 1.34 or newer, the first with DeploymentConfiguration.alarms.
 */
function ecsModel(): { version: string; shapes: Record<string, Shape> } {
    const located = spawnSync(
        "python3",
        ["-c", "import botocore, os; print(os.path.dirname(botocore.__file__)); print(botocore.__version__)"],
        { encoding: "utf8" },
    );
    assert.equal(
        located.status,
        0,
        "botocore is not importable by python3; install it (pip install botocore, or apt-get install python3-botocore)",
    );
    const [root, version] = located.stdout.trim().split("\n");
    const directory = path.join(root, "data", "ecs");
    const apiVersion = fs.readdirSync(directory).sort().pop() ?? "";
    const file = path.join(directory, apiVersion, "service-2.json");
    const text = fs.existsSync(file)
        ? fs.readFileSync(file, "utf8")
        : gunzipSync(fs.readFileSync(`${file}.gz`)).toString();
    return { version, shapes: (JSON.parse(text) as { shapes: Record<string, Shape> }).shapes };
}

/** Where `value` breaks shape `name`, as "path: problem" lines. */
function violations(shapes: Record<string, Shape>, name: string, value: unknown, at: string): string[] {
    const shape = shapes[name];
    switch (shape.type) {
        case "structure":
            if (value === null || typeof value !== "object" || Array.isArray(value)) {
                return [`${at}: expected a ${name} object`];
            }
            return Object.entries(value).flatMap(([key, item]) =>
                shape.members?.[key] === undefined
                    ? [`${at}.${key}: not a member of ${name}`]
                    : violations(shapes, shape.members[key].shape, item, `${at}.${key}`),
            );
        case "list":
            return Array.isArray(value)
                ? value.flatMap((item, i) => violations(shapes, shape.member?.shape ?? "", item, `${at}[${i}]`))
                : [`${at}: expected a list of ${shape.member?.shape}`];
        case "map":
            return value !== null && typeof value === "object"
                ? Object.entries(value).flatMap(([key, item]) =>
                      violations(shapes, shape.value?.shape ?? "", item, `${at}.${key}`),
                  )
                : [`${at}: expected a map`];
        case "string":
            if (typeof value !== "string") {
                return [`${at}: expected a string`];
            }
            return shape.enum !== undefined && !shape.enum.includes(value)
                ? [`${at}: ${JSON.stringify(value)} is not one of ${shape.enum.join(", ")}`]
                : [];
        case "integer":
        case "long":
            return Number.isInteger(value) ? [] : [`${at}: expected an integer`];
        case "double":
        case "float":
            return typeof value === "number" ? [] : [`${at}: expected a number`];
        case "boolean":
            return typeof value === "boolean" ? [] : [`${at}: expected a boolean`];
        case "timestamp":
            // The AWS CLI prints timestamps as ISO 8601 text.
            return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? [] : [`${at}: expected a timestamp`];
        default:
            return [`${at}: shape type ${shape.type} not handled by this test`];
    }
}

describe("the recorded DescribeServices answers", () => {
    const { version, shapes } = ecsModel();

    it("check against a model that has the fields the deploy check reads", () => {
        assert.deepEqual(
            ["status", "taskDefinition", "desiredCount", "runningCount", "rolloutState", "rolloutStateReason"].filter(
                (member) => shapes.Deployment.members?.[member] === undefined,
            ),
            [],
        );
        assert.deepEqual(shapes.DeploymentRolloutState.enum, ["COMPLETED", "FAILED", "IN_PROGRESS"]);
    });

    for (const name of recordedCases) {
        it(`${name}.json is a DescribeServicesResponse as AWS's model defines it`, () => {
            const answer = JSON.parse(fs.readFileSync(fixturePath(name), "utf8")) as unknown;
            assert.deepEqual(violations(shapes, "DescribeServicesResponse", answer, "$"), [], `botocore ${version}`);
        });
    }

    it("catches a field ECS does not send and a rollout state it does not know", () => {
        const answer = JSON.parse(fs.readFileSync(fixturePath("completed"), "utf8")) as {
            services: { deployments: Record<string, unknown>[] }[];
        };
        answer.services[0].deployments[0].rolloutState = "SUCCEEDED";
        answer.services[0].deployments[0].taskDefinitionArn = "arn:...";
        assert.deepEqual(violations(shapes, "DescribeServicesResponse", answer, "$"), [
            '$.services[0].deployments[0].rolloutState: "SUCCEEDED" is not one of COMPLETED, FAILED, IN_PROGRESS',
            "$.services[0].deployments[0].taskDefinitionArn: not a member of Deployment",
        ]);
    });
});
