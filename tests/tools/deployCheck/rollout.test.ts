// The deploy check's judgement of a rollout, on recorded DescribeServices answers: each case a real answer shape,
// the clock and the waiting faked so that a stuck rollout times out in no time.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DeployCheckError } from "../../../tools/deployCheck/deployCheckError";
import type { DescribeServicesResponse } from "../../../tools/deployCheck/describeServices";
import { awaitRollout, judgeRollout } from "../../../tools/deployCheck/rollout";
import { newTaskDefinition, oldTaskDefinition, recorded } from "./recordedAnswers";

/** A rollout wait over `answers` (the last one repeats), on a clock that only the fake sleep moves. */
function waitOver(answers: DescribeServicesResponse[], timeoutSeconds = 900) {
    let clock = 0;
    let calls = 0;
    const log: string[] = [];
    const wait = awaitRollout({
        describe: () => Promise.resolve(answers[Math.min(calls++, answers.length - 1)]),
        taskDefinition: newTaskDefinition,
        timeoutSeconds,
        pollSeconds: 15,
        now: () => clock,
        sleep: (milliseconds) => {
            clock += milliseconds;
            return Promise.resolve();
        },
        log: (line) => log.push(line),
    });
    return { wait, log, calls: () => calls, elapsedSeconds: () => clock / 1000 };
}

async function failure(promise: Promise<unknown>): Promise<string> {
    try {
        await promise;
    } catch (error) {
        assert.ok(error instanceof DeployCheckError, `expected a DeployCheckError, got ${String(error)}`);
        return error.message;
    }
    throw new Error("the check passed");
}

describe("the rollout check", () => {
    it("passes a completed rollout of the declared task definition", async () => {
        const { wait, calls } = waitOver([recorded("completed")]);
        const primary = await wait;
        assert.deepEqual(
            [primary.taskDefinition, primary.rolloutState, primary.desiredCount],
            [newTaskDefinition, "COMPLETED", 2],
        );
        assert.equal(calls(), 1);
    });

    it("fails at once when an alarm rolled the release back: the primary deployment runs the old revision", async () => {
        const { wait, calls } = waitOver([recorded("rolled-back-by-alarm")]);
        assert.equal(
            await failure(wait),
            `ECS rolled the release back: the primary deployment runs ${oldTaskDefinition}, not ${newTaskDefinition} ` +
                "that this update declared (ECS deployment ecs-svc/1938475602938475610 completed.; last event: " +
                "(service app-service-5d6e7f8) has reached a steady state.)",
        );
        assert.equal(calls(), 1);
    });

    it("fails at once while the circuit breaker is rolling back, naming its reason", async () => {
        const message = await failure(waitOver([recorded("rolling-back-circuit-breaker")]).wait);
        assert.match(
            message,
            /^ECS rolled the release back: the primary deployment runs .*fargate-service-prod:6, not/,
        );
        assert.match(
            message,
            /ECS deployment circuit breaker: rolling back to deploymentId ecs-svc\/8273645019283746501/,
        );
    });

    it("fails a primary deployment whose rollout FAILED", async () => {
        assert.match(
            await failure(waitOver([recorded("rollout-failed")]).wait),
            /^the rollout of .*fargate-service-prod:7 FAILED \(ECS deployment circuit breaker: tasks failed to start\.; last event: .*deployment failed: tasks failed to start\.\)$/,
        );
    });

    it("waits while the rollout is IN_PROGRESS and passes once it completes", async () => {
        const { wait, log, elapsedSeconds } = waitOver([
            recorded("rollout-in-progress"),
            recorded("rollout-in-progress"),
            recorded("completed"),
        ]);
        assert.equal((await wait).rolloutState, "COMPLETED");
        assert.equal(elapsedSeconds(), 30);
        assert.equal(log.length, 2);
        assert.match(log[0], /^waiting: the rollout of .*:7 is IN_PROGRESS, 1 of 2 tasks running/);
    });

    it("fails a rollout stuck IN_PROGRESS past the timeout, after polling for it", async () => {
        const { wait, calls, elapsedSeconds } = waitOver([recorded("rollout-in-progress")], 120);
        assert.match(
            await failure(wait),
            /^after 120 s the rollout of .*fargate-service-prod:7 is IN_PROGRESS, 1 of 2 tasks running \(ECS deployment ecs-svc\/4728392017465839201 in progress\./,
        );
        assert.deepEqual([calls(), elapsedSeconds()], [9, 120]);
    });

    it("fails when ECS does not know the service", async () => {
        assert.equal(
            await failure(waitOver([recorded("service-missing")]).wait),
            "ECS found no such service (MISSING)",
        );
    });

    it("judges by the primary deployment, whatever the order of the list", () => {
        const answer = recorded("rollout-in-progress");
        answer.services[0].deployments.reverse();
        const verdict = judgeRollout(answer, newTaskDefinition);
        assert.equal(verdict.state, "waiting");
    });
});
