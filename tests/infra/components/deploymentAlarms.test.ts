// The DeploymentAlarms component alone: one instance per case, from a baseArgs object.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DeploymentAlarms, DeploymentAlarmsArgs } from "../../../infra/service/deploymentAlarms";
import { promiseOf, tokens } from "../stackRun";
import { declaredBy } from "./unitEngine";

const loadBalancer = "app/web-alb/0123456789abcdef";
const blue = "targetgroup/web-tg/1111111111111111";
const green = "targetgroup/web-bluegreen-tg/2222222222222222";

const baseArgs: DeploymentAlarmsArgs = {
    namePrefix: "fargate-service-unit",
    loadBalancerArnSuffix: loadBalancer,
    targetGroupArnSuffixes: [blue],
    errorPercent: 5,
    minRequests: 10,
    latencyP99Ms: 1000,
    unhealthyTargets: 1,
    periodSeconds: 60,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    email: "",
};

type Inputs = Record<string, any>;

describe("DeploymentAlarms", () => {
    it("names three alarms after the stack and hands exactly those names to the service", async () => {
        const alarms = new DeploymentAlarms("names", { ...baseArgs, namePrefix: "shop-prod" });
        const declared = await declaredBy(alarms);
        assert.deepEqual(
            declared
                .all(tokens.metricAlarm)
                .map((alarm) => alarm.inputs.name)
                .sort(),
            ["shop-prod-5xx-rate", "shop-prod-p99-latency", "shop-prod-unhealthy-targets"],
        );
        assert.deepEqual(await promiseOf(alarms.alarmNames), [
            "shop-prod-5xx-rate",
            "shop-prod-unhealthy-targets",
            "shop-prod-p99-latency",
        ]);
    });

    it("breaches on 5xx answers of the tasks and the load balancer above the share of requests, in busy periods only", async () => {
        const declared = await declaredBy(
            new DeploymentAlarms("errors", { ...baseArgs, namePrefix: "errors", errorPercent: 2, minRequests: 50 }),
        );
        const alarm = declared.one(tokens.metricAlarm, "errors-5xx-rate").inputs;
        assert.deepEqual([alarm.comparisonOperator, alarm.threshold], ["GreaterThanThreshold", 2]);
        const queries = alarm.metricQueries as Inputs[];
        assert.deepEqual(
            queries.filter((query) => query.metric !== undefined).map((query) => [query.id, query.metric]),
            ["HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "RequestCount"].map((metricName, i) => [
                ["target5xx", "elb5xx", "requests"][i],
                {
                    namespace: "AWS/ApplicationELB",
                    metricName,
                    dimensions: { LoadBalancer: loadBalancer },
                    period: 60,
                    stat: "Sum",
                },
            ]),
        );
        const [rate] = queries.filter((query) => query.returnData === true);
        assert.equal(
            rate.expression,
            "IF(FILL(requests, 0) >= 50, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / FILL(requests, 0), 0)",
        );
        assert.equal(alarm.metricName, undefined);
    });

    it("counts unhealthy targets in whichever target group holds them: one group, or blue/green's two", async () => {
        for (const groups of [[blue], [blue, green]]) {
            const name = `unhealthy${groups.length}`;
            const declared = await declaredBy(
                new DeploymentAlarms(name, {
                    ...baseArgs,
                    namePrefix: name,
                    targetGroupArnSuffixes: groups,
                    unhealthyTargets: 2,
                }),
            );
            const alarm = declared.one(tokens.metricAlarm, `${name}-unhealthy-targets`).inputs;
            assert.deepEqual([alarm.comparisonOperator, alarm.threshold], ["GreaterThanOrEqualToThreshold", 2]);
            const queries = alarm.metricQueries as Inputs[];
            assert.deepEqual(
                queries.filter((query) => query.metric !== undefined).map((query) => query.metric.dimensions),
                groups.map((group) => ({ LoadBalancer: loadBalancer, TargetGroup: group })),
            );
            assert.ok(queries.every((query) => query.metric === undefined || query.metric.stat === "Maximum"));
            assert.equal(
                queries.find((query) => query.returnData === true)?.expression,
                `MAX([${groups.map((_, i) => `FILL(group${i}, 0)`).join(", ")}])`,
            );
        }
    });

    it("breaches on the p99 target response time, in seconds, keeping its state when samples are too few", async () => {
        const declared = await declaredBy(
            new DeploymentAlarms("latency", { ...baseArgs, namePrefix: "latency", latencyP99Ms: 750 }),
        );
        const alarm = declared.one(tokens.metricAlarm, "latency-p99-latency").inputs;
        assert.deepEqual(
            [alarm.namespace, alarm.metricName, alarm.extendedStatistic, alarm.statistic, alarm.dimensions],
            ["AWS/ApplicationELB", "TargetResponseTime", "p99", undefined, { LoadBalancer: loadBalancer }],
        );
        assert.deepEqual([alarm.comparisonOperator, alarm.threshold], ["GreaterThanThreshold", 0.75]);
        assert.equal(alarm.evaluateLowSampleCountPercentiles, "ignore");
    });

    it("evaluates every alarm over the configured periods, treats no data as healthy and notifies the topic both ways", async () => {
        const declared = await declaredBy(
            new DeploymentAlarms("periods", {
                ...baseArgs,
                namePrefix: "periods",
                periodSeconds: 120,
                evaluationPeriods: 5,
                datapointsToAlarm: 4,
            }),
        );
        const topicArn = declared.one(tokens.snsTopic).outputs.arn;
        for (const alarm of declared.all(tokens.metricAlarm)) {
            const inputs = alarm.inputs;
            assert.deepEqual(
                [inputs.evaluationPeriods, inputs.datapointsToAlarm, inputs.treatMissingData],
                [5, 4, "notBreaching"],
                alarm.name,
            );
            assert.deepEqual([inputs.alarmActions, inputs.okActions], [[topicArn], [topicArn]], alarm.name);
            const periods = [
                inputs.period,
                ...((inputs.metricQueries ?? []) as Inputs[]).map((query) => query.metric?.period),
            ].filter((period) => period !== undefined);
            assert.ok(periods.length > 0 && periods.every((period) => period === 120), alarm.name);
        }
    });

    it("encrypts the topic with a rotated key of its own that CloudWatch may use only for this stack's alarms", async () => {
        const declared = await declaredBy(new DeploymentAlarms("topic", { ...baseArgs, namePrefix: "topic" }));
        const key = declared.one(tokens.kmsKey);
        assert.equal(declared.one(tokens.snsTopic).inputs.kmsMasterKeyId, key.outputs.arn);
        assert.deepEqual([key.inputs.enableKeyRotation, key.inputs.deletionWindowInDays], [true, 7]);
        const statements = (JSON.parse(String(key.inputs.policy)) as { Statement: Inputs[] }).Statement;
        assert.deepEqual(statements[0].Principal, { AWS: "arn:aws:iam::123456789012:root" });
        assert.deepEqual(statements[1], {
            Sid: "TheStacksAlarmsPublishToTheTopic",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
            Condition: {
                StringEquals: { "aws:SourceAccount": "123456789012" },
                ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:us-east-1:123456789012:alarm:topic-*" },
            },
        });
        assert.equal(declared.one(tokens.kmsAlias).inputs.name, "alias/topic-alarms");
    });

    it("subscribes the configured email address, and no one when it is empty", async () => {
        const quiet = await declaredBy(new DeploymentAlarms("quiet", { ...baseArgs, namePrefix: "quiet" }));
        assert.deepEqual(quiet.all(tokens.snsSubscription), []);
        const mailed = await declaredBy(
            new DeploymentAlarms("mailed", { ...baseArgs, namePrefix: "mailed", email: "oncall@example.com" }),
        );
        const subscription = mailed.one(tokens.snsSubscription).inputs;
        assert.deepEqual(
            [subscription.topic, subscription.protocol, subscription.endpoint],
            [mailed.one(tokens.snsTopic).outputs.arn, "email", "oncall@example.com"],
        );
    });
});
