// One configuration value changed in a stack file: --diff exits 2 and names exactly the resources and properties
// that change, with what forces a replacement, a new deployment or a new image. The base and head plans are made
// by the command itself, in two throwaway projects that differ in that one value.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { after, before, describe, it } from "node:test";
import { diffSnapshots, PlanDiff } from "../../../tools/plan/diff/diff";
import { Snapshot } from "../../../tools/plan/model/snapshot";
import { runPlan, Scratch, Setting } from "./planCli";

const scratch = new Scratch();
after(() => scratch.cleanUp());

const bases: Record<string, string> = {};
before(() => {
    const project = scratch.project("base");
    for (const stack of ["dev", "prod"]) {
        bases[stack] = scratch.file(`base-${stack}.json`);
        const result = runPlan([stack, "--json", bases[stack]], project);
        assert.equal(result.status, 0, result.stderr);
    }
});

interface Changed {
    diff: PlanDiff;
    stdout: string;
}

/** Plans `setting` against the unchanged stack; fails unless the command exits 2 (changed). */
function planWith(setting: Setting): Changed {
    const project = scratch.project(`${setting.stack}-${setting.key}`, { setting });
    const head = scratch.file(`${setting.stack}-${setting.key}.json`);
    const result = runPlan([setting.stack, "--diff", bases[setting.stack], "--json", head], project);
    assert.equal(result.status, 2, result.stdout + result.stderr);
    const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
    return { diff: diffSnapshots(read(bases[setting.stack]), read(head)), stdout: result.stdout };
}

/** Each changed resource as "action type name", its changed property paths flagged, and its rollout flags. */
function changes(diff: PlanDiff): Record<string, string[]> {
    return Object.fromEntries(
        diff.resources.map((change) => [
            `${change.action} ${change.type} ${change.name}`,
            [
                ...(change.action === "create"
                    ? ["(every input)"]
                    : change.properties.map(
                          (p) => `${p.path}${p.forcesReplacement ? " [replace]" : ""}${p.ignored ? " [ignored]" : ""}`,
                      )),
                ...(change.newDeployment === undefined ? [] : [`new deployment: ${change.newDeployment}`]),
                ...(change.rebuildsImage ? ["new image"] : []),
            ],
        ]),
    );
}

const keys = (values: { key: string }[]) => values.map((value) => value.key);

describe("changing one configuration value", () => {
    it("memory replaces the task definition, and the service rolls out the new revision", () => {
        const { diff, stdout } = planWith({ stack: "dev", key: "memory", value: "1024" });
        assert.deepEqual(diff.config, [{ key: "fargate-service:memory", before: "512", after: "1024" }]);
        assert.deepEqual(changes(diff), {
            "update aws:ecs/service:Service app-service": [
                "new deployment: its task definition `app-task` is replaced",
            ],
            "replace aws:ecs/taskDefinition:TaskDefinition app-task": ["memory [replace]"],
        });
        assert.deepEqual(diff.outputs, []);
        assert.match(stdout, /^ {2}\+- aws:ecs\/taskDefinition:TaskDefinition {2}app-task {2}\[REPLACE\]$/m);
        assert.match(stdout, /^ {7}~ memory {2}"512" → "1024" {2}\(forces replacement\)$/m);
        assert.match(stdout, /^ {2}~ {2}aws:ecs\/service:Service {2}app-service {2}\[UPDATE, NEW DEPLOYMENT\]$/m);
    });

    it("log retention updates the log group in place and touches nothing else", () => {
        const { diff } = planWith({ stack: "dev", key: "logRetentionDays", value: "14" });
        assert.deepEqual(changes(diff), { "update aws:cloudwatch/logGroup:LogGroup app-logs": ["retentionInDays"] });
        assert.deepEqual(keys(diff.config), ["fargate-service:logRetentionDays"]);
        assert.deepEqual(diff.knockOn, []);
    });

    it("the container port moves the rules, replaces the target group and the task definition", () => {
        const { diff } = planWith({ stack: "dev", key: "containerPort", value: "9090" });
        assert.deepEqual(changes(diff), {
            "update aws:ecs/service:Service app-service": [
                "loadBalancers[0].containerPort",
                "new deployment: `loadBalancers` changes",
            ],
            "replace aws:ecs/taskDefinition:TaskDefinition app-task": [
                "containerDefinitions[0].environment[2].value [replace]",
                "containerDefinitions[0].portMappings[0].containerPort [replace]",
                "containerDefinitions[0].portMappings[0].hostPort [replace]",
            ],
            "replace aws:lb/targetGroup:TargetGroup web-tg": ["port [replace]"],
            "update aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule firewall-alb-out-service": [
                "fromPort",
                "toPort",
            ],
            "update aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule firewall-service-in-alb": [
                "fromPort",
                "toPort",
            ],
        });
        assert.deepEqual(diff.knockOn, [
            {
                type: "aws:cloudwatch/metricAlarm:MetricAlarm",
                name: "alarms-unhealthy-targets",
                replacedDependencies: ["web-tg"],
            },
            { type: "aws:lb/listener:Listener", name: "web-http", replacedDependencies: ["web-tg"] },
        ]);
    });

    it("the architecture rebuilds the image, whose new digest replaces the task definition", () => {
        const { diff, stdout } = planWith({ stack: "dev", key: "architecture", value: "arm64" });
        assert.deepEqual(changes(diff), {
            "update aws:ecs/service:Service app-service": [
                "new deployment: its task definition `app-task` is replaced",
            ],
            "replace aws:ecs/taskDefinition:TaskDefinition app-task": [
                "containerDefinitions[0].image [replace]",
                "runtimePlatform.cpuArchitecture [replace]",
            ],
            "update docker-build:index:Image registry-image": [
                "cacheFrom[0].registry.ref",
                "cacheTo[0].registry.ref",
                "platforms[0]",
                "new image",
            ],
        });
        assert.deepEqual(keys(diff.outputs), ["image"]);
        assert.match(stdout, /Resources: 2 to update, 1 to replace; 1 new deployment, 1 new image$/m);
    });

    it("the desired count of an autoscaled service is declared but ignored on update", () => {
        const { diff } = planWith({ stack: "prod", key: "desiredCount", value: "3" });
        assert.deepEqual(changes(diff), { "ignored aws:ecs/service:Service app-service": ["desiredCount [ignored]"] });
    });

    it("a certificate adds the HTTPS listener and its two rules, and the HTTP listener redirects (dev: plain HTTP, rolling)", () => {
        const arn = "arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef";
        const { diff } = planWith({ stack: "dev", key: "certificateArn", value: arn });
        assert.deepEqual(changes(diff), {
            "update aws:lb/listener:Listener web-http": [
                "defaultActions[0].redirect.port",
                "defaultActions[0].redirect.protocol",
                "defaultActions[0].redirect.statusCode",
                "defaultActions[0].targetGroupArn",
                "defaultActions[0].type",
            ],
            "create aws:lb/listener:Listener web-https": ["(every input)"],
            "create aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule firewall-alb-in-443-ipv4": [
                "(every input)",
            ],
            "create aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule firewall-alb-in-443-ipv6": [
                "(every input)",
            ],
        });
        const https = diff.resources.find((change) => change.name === "web-https");
        assert.deepEqual(
            https?.properties.filter((p) => ["port", "protocol", "sslPolicy"].includes(p.path)).map((p) => p.after),
            [443, "HTTPS", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"],
        );
        assert.deepEqual(
            diff.outputs.map((output) => [output.key, String(output.after).split(":")[0]]),
            [["url", "https"]],
        );
    });
});
