// The deployment keys: each bad value, and each bad combination, is rejected with one line naming the key, the
// value and what is allowed.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseSettings, StackSettings } from "../../infra/config/stackSettings";
import { testImageTag } from "./stackRun";

/** Plain HTTP without deletion protection, as dev: the cases here are about deployments, not about HTTPS. */
function parse(values: Record<string, string>): StackSettings {
    const all: Record<string, string> = { deletionProtection: "false", ...values };
    return parseSettings((key) => all[key], { GITHUB_SHA: testImageTag }, "fargate-service");
}

function assertRejected(values: Record<string, string>, expected: string): void {
    assert.throws(
        () => parse(values),
        (error: unknown) => error instanceof ConfigError && error.message === `Invalid configuration: ${expected}`,
    );
}

describe("deployment strategy", () => {
    it("is rolling or blueGreen", () => {
        assert.equal(parse({ deploymentStrategy: "blueGreen" }).deploymentStrategy, "blueGreen");
        assertRejected(
            { deploymentStrategy: "canary" },
            '`fargate-service:deploymentStrategy` is "canary"; allowed: rolling or blueGreen',
        );
    });

    it("bakes blue/green for 0 to 30 minutes, which pulumi up waits out", () => {
        assertRejected(
            { bakeTimeMinutes: "45" },
            '`fargate-service:bakeTimeMinutes` is "45"; allowed: an integer from 0 to 30',
        );
        assert.equal(parse({ bakeTimeMinutes: "0", rollbackOnAlarm: "false" }).bakeTimeMinutes, 0);
    });

    it("with blueGreen and alarm rollback, bakes at least the alarms' window", () => {
        assertRejected(
            { deploymentStrategy: "blueGreen", bakeTimeMinutes: "2" },
            '`fargate-service:bakeTimeMinutes` is "2"; allowed with deploymentStrategy blueGreen: at least 3, the ' +
                "alarms' window (alarmEvaluationPeriods 3 × alarmPeriodSeconds 60 s), so that an alarm can roll back " +
                "before the old revision is gone",
        );
        assert.equal(parse({ deploymentStrategy: "blueGreen", bakeTimeMinutes: "3" }).bakeTimeMinutes, 3);
        assert.equal(
            parse({ deploymentStrategy: "blueGreen", bakeTimeMinutes: "0", rollbackOnAlarm: "false" }).bakeTimeMinutes,
            0,
        );
        assert.equal(parse({ bakeTimeMinutes: "1" }).bakeTimeMinutes, 1);
    });
});

describe("the fast lane", () => {
    it("keeps 0 to 100 % of the tasks in service during a rolling deploy", () => {
        assert.equal(parse({ minimumHealthyPercent: "0" }).minimumHealthyPercent, 0);
        assertRejected(
            { minimumHealthyPercent: "150" },
            '`fargate-service:minimumHealthyPercent` is "150"; allowed: an integer from 0 to 100',
        );
    });

    it("is for rolling deploys only: blueGreen keeps every old task", () => {
        assertRejected(
            { deploymentStrategy: "blueGreen", minimumHealthyPercent: "0" },
            '`fargate-service:minimumHealthyPercent` is "0"; allowed with deploymentStrategy blueGreen: 100 (the ' +
                "fast lane is for rolling deploys; blue/green keeps every old task until the new revision has baked)",
        );
    });
});

describe("alarm thresholds", () => {
    it("keeps each threshold in its range", () => {
        assertRejected(
            { alarm5xxPercent: "0" },
            '`fargate-service:alarm5xxPercent` is "0"; allowed: an integer from 1 to 100',
        );
        assertRejected(
            { alarm5xxMinRequests: "0" },
            '`fargate-service:alarm5xxMinRequests` is "0"; allowed: an integer from 1 to 1000000',
        );
        assertRejected(
            { alarmLatencyP99Ms: "5" },
            '`fargate-service:alarmLatencyP99Ms` is "5"; allowed: an integer from 10 to 60000',
        );
        assertRejected(
            { alarmUnhealthyTargets: "0" },
            '`fargate-service:alarmUnhealthyTargets` is "0"; allowed: an integer from 1 to 100',
        );
        assert.equal(parse({ rollbackOnAlarm: "false" }).rollbackOnAlarm, false);
    });

    it("uses whole minutes for the period, as the load balancer publishes its metrics once a minute", () => {
        assertRejected(
            { alarmPeriodSeconds: "90" },
            '`fargate-service:alarmPeriodSeconds` is "90"; allowed: a multiple of 60 from 60 to 3600 (the load ' +
                "balancer publishes its metrics once a minute)",
        );
        assertRejected(
            { alarmPeriodSeconds: "30" },
            '`fargate-service:alarmPeriodSeconds` is "30"; allowed: an integer from 60 to 3600',
        );
        assert.equal(parse({ alarmPeriodSeconds: "300", alarmEvaluationPeriods: "6" }).alarmPeriodSeconds, 300);
    });

    it("needs no more breaching periods than it evaluates", () => {
        assertRejected(
            { alarmEvaluationPeriods: "2", alarmDatapointsToAlarm: "3" },
            '`fargate-service:alarmDatapointsToAlarm` is "3"; allowed: at most alarmEvaluationPeriods (2)',
        );
        assert.equal(parse({ alarmEvaluationPeriods: "1", alarmDatapointsToAlarm: "1" }).alarmDatapointsToAlarm, 1);
    });

    it("keeps the alarms' window within the 30 minutes a deploy may wait for it", () => {
        assertRejected(
            { alarmPeriodSeconds: "600", alarmEvaluationPeriods: "4" },
            '`fargate-service:alarmEvaluationPeriods` is "4"; allowed: at most 3 with alarmPeriodSeconds 600 (ECS ' +
                "watches the alarms for about their window after each rolling deploy, and 1800 s is the most a " +
                "deploy may wait for it)",
        );
    });

    it("mails an address, or no one", () => {
        assert.equal(parse({ alarmEmail: "oncall@example.com" }).alarmEmail, "oncall@example.com");
        assert.equal(parse({ alarmEmail: "" }).alarmEmail, "");
        assertRejected(
            { alarmEmail: "oncall" },
            '`fargate-service:alarmEmail` is "oncall"; allowed: empty for none, or an email address',
        );
    });

    it("reports every deployment problem of one run together", () => {
        assert.throws(
            () => parse({ deploymentStrategy: "blueGreen", minimumHealthyPercent: "50", alarmPeriodSeconds: "61" }),
            (error: unknown) =>
                error instanceof ConfigError &&
                error.message ===
                    [
                        "Invalid configuration:",
                        '  - `fargate-service:alarmPeriodSeconds` is "61"; allowed: a multiple of 60 from 60 to 3600 ' +
                            "(the load balancer publishes its metrics once a minute)",
                        '  - `fargate-service:minimumHealthyPercent` is "50"; allowed with deploymentStrategy ' +
                            "blueGreen: 100 (the fast lane is for rolling deploys; blue/green keeps every old task " +
                            "until the new revision has baked)",
                    ].join("\n"),
        );
    });
});
