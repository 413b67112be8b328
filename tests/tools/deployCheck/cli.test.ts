// `npm run deploy-check` as the deploy workflow runs it: the compiled command, an `aws` on PATH that answers with a
// recorded DescribeServices answer, and the stack's URL played by a fake service on 127.0.0.1.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { FakeAnswer, fakeService } from "./fakeService";
import { fixturePath, newTaskDefinition, recordedCases } from "./recordedAnswers";

const cli = path.resolve(__dirname, "../../../tools/deployCheck/cli.js");
const commit = "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "deploy-check-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A directory holding an `aws` that records its arguments and prints $FIXTURE (or fails with $AWS_FAILS). */
const fakeAwsDirectory = path.join(scratch, "bin");
fs.mkdirSync(fakeAwsDirectory);
fs.writeFileSync(
    path.join(fakeAwsDirectory, "aws"),
    [
        "#!/bin/sh",
        'printf "%s\\n" "$*" >> "$AWS_CALLS"',
        'if [ -n "$AWS_FAILS" ]; then echo "$AWS_FAILS" >&2; exit 255; fi',
        'cat "$FIXTURE"',
        "",
    ].join("\n"),
    { mode: 0o755 },
);

interface Run {
    status: number | null;
    stdout: string;
    stderr: string;
    awsCalls: string[];
}

/** Runs the command asynchronously, so that the fake service in this process can answer it. */
async function deployCheck(
    fixture: (typeof recordedCases)[number],
    answers: FakeAnswer[],
    extra: { args?: string[]; env?: Record<string, string> } = {},
): Promise<Run> {
    const service = await fakeService(answers);
    const calls = path.join(scratch, `calls-${Date.now()}-${Math.random()}`);
    fs.writeFileSync(calls, "");
    const args = extra.args ?? [
        "--cluster",
        "app-cluster-1a2b3c4",
        "--service",
        "app-service-5d6e7f8",
        "--task-definition",
        newTaskDefinition,
        "--url",
        service.url,
        "--version",
        commit,
        "--timeout-seconds",
        "2",
        "--poll-seconds",
        "1",
        "--requests",
        "5",
    ];
    try {
        const child = spawn(process.execPath, [cli, ...args], {
            env: {
                PATH: `${fakeAwsDirectory}:${process.env.PATH ?? ""}`,
                FIXTURE: fixturePath(fixture),
                AWS_CALLS: calls,
                ...extra.env,
            },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
        return { status, stdout, stderr, awsCalls: fs.readFileSync(calls, "utf8").split("\n").filter(Boolean) };
    } finally {
        await service.close();
    }
}

const twoTasks: FakeAnswer[] = [
    { version: commit, instance: "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e" },
    { version: commit, instance: "1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f" },
];

describe("deploy-check, the command", () => {
    it("exits 0 with one line when the declared revision completed and the URL serves the commit from two tasks", async () => {
        const run = await deployCheck("completed", twoTasks);
        assert.equal(run.status, 0, run.stderr);
        assert.equal(
            run.stdout,
            `deploy check passed: ${newTaskDefinition} rolled out (COMPLETED, 2 tasks); http://127.0.0.1:` +
                `${/127\.0\.0\.1:(\d+)/.exec(run.stdout)?.[1]}/ served ${commit} from ` +
                "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e, 1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f in 2 requests\n",
        );
        assert.equal(run.stderr, "");
        assert.deepEqual(run.awsCalls, [
            "ecs describe-services --cluster app-cluster-1a2b3c4 --services app-service-5d6e7f8 --output json",
        ]);
    });

    it("exits 1 with one line when ECS rolled the release back, without asking the URL", async () => {
        const run = await deployCheck("rolled-back-by-alarm", twoTasks);
        assert.equal(run.status, 1);
        assert.equal(run.stderr.split("\n").filter(Boolean).length, 1);
        assert.match(run.stderr, /^deploy check failed: ECS rolled the release back: the primary deployment runs /);
    });

    it("exits 1 when the URL answers from one task only", async () => {
        const run = await deployCheck("completed", [twoTasks[0]]);
        assert.equal(run.status, 1);
        assert.match(run.stderr, /^deploy check failed: .* from 1 of the 2 tasks required in 5 requests/);
    });

    it("exits 1 when the URL serves the old version", async () => {
        const run = await deployCheck("completed", [{ version: "9e8d7c6", instance: "task-old" }]);
        assert.match(run.stderr, /^deploy check failed: .* served version "9e8d7c6" from instance "task-old"/);
        assert.equal(run.status, 1);
    });

    it("exits 1 when a rollout is still IN_PROGRESS at the timeout", async () => {
        const run = await deployCheck("rollout-in-progress", twoTasks);
        assert.equal(run.status, 1);
        assert.match(run.stdout, /^waiting: the rollout of .* is IN_PROGRESS/);
        assert.match(run.stderr, /^deploy check failed: after 2 s the rollout of .* is IN_PROGRESS/);
    });

    it("in GitHub Actions, makes the failure an error annotation", async () => {
        const run = await deployCheck("rollout-failed", twoTasks, { env: { GITHUB_ACTIONS: "true" } });
        assert.match(run.stderr, /^::error title=Deploy check failed::deploy check failed: the rollout of .* FAILED/);
    });

    it("names the AWS CLI's own error when describe-services fails", async () => {
        const run = await deployCheck("completed", twoTasks, {
            env: { AWS_FAILS: "An error occurred (AccessDeniedException) when calling the DescribeServices operation" },
        });
        assert.equal(run.status, 1);
        assert.equal(
            run.stderr,
            "deploy check failed: aws ecs describe-services failed: An error occurred (AccessDeniedException) when " +
                "calling the DescribeServices operation\n",
        );
    });

    it("exits 2 with one line naming a bad argument and what is allowed", async () => {
        const run = await deployCheck("completed", twoTasks, {
            args: ["--cluster", "c", "--service", "s", "--task-definition", "fargate-service-prod:7"],
        });
        assert.equal(run.status, 2);
        assert.equal(
            run.stderr,
            'deploy check failed: --task-definition is "fargate-service-prod:7"; allowed: a task definition ARN with ' +
                "its revision (the stack output taskDefinitionArn)\n",
        );
        assert.deepEqual(run.awsCalls, []);
    });
});
