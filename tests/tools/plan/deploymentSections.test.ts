// The plan's deployment sections, from real runs of the command on both stacks: every alarm with its threshold, the
// strategy, and the deployment timeline, whose figures are the sums of the terms printed under them.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { after, before, describe, it } from "node:test";
import * as path from "node:path";
import { repositoryRoot, runPlan, Scratch } from "./planCli";

const scratch = new Scratch();
after(() => scratch.cleanUp());

interface Plan {
    stdout: string;
    markdown: string;
}

function plan(stack: string, project?: string): Plan {
    const markdown = scratch.file(`${stack}-${Math.random()}.md`);
    const result = runPlan([stack, "--markdown", markdown], project);
    assert.equal(result.status, 0, result.stderr);
    return { stdout: result.stdout, markdown: fs.readFileSync(markdown, "utf8") };
}

/** The figures of the timeline section: each heading's total and the seconds of the terms under it. */
function timeline(stdout: string): { title: string; total: number; terms: number[] }[] {
    const section = /^Deployment timeline[^\n]*\n([\s\S]*?)\n\n/m.exec(stdout)?.[1] ?? "";
    const figures: { title: string; total: number; terms: number[] }[] = [];
    for (const line of section.split("\n")) {
        const heading = /^ {2}(\S.*): (\d+) s/.exec(line);
        const term = /^ {4} *(\d+) s {2}/.exec(line);
        if (heading !== null) {
            figures.push({ title: heading[1], total: Number(heading[2]), terms: [] });
        } else if (term !== null) {
            figures[figures.length - 1].terms.push(Number(term[1]));
        }
    }
    return figures;
}

let dev: Plan;
let prod: Plan;
before(() => {
    dev = plan("dev");
    prod = plan("prod");
});

describe("the deployment safety section", () => {
    it("shows each alarm the deployment watches with its threshold and window", () => {
        for (const [stack, out] of [
            ["prod", prod.stdout],
            ["dev", dev.stdout],
        ] as const) {
            assert.match(
                out,
                new RegExp(
                    `^ {4}fargate-service-${stack}-5xx-rate +5xx answers, % of requests > 5 +2 of 3 periods of 60 s$`,
                    "m",
                ),
            );
            assert.match(
                out,
                new RegExp(
                    `^ {4}fargate-service-${stack}-p99-latency +p99 TargetResponseTime > 1000 ms +2 of 3 periods of 60 s$`,
                    "m",
                ),
            );
            assert.match(
                out,
                new RegExp(
                    `^ {4}fargate-service-${stack}-unhealthy-targets +unhealthy targets ≥ 1 +2 of 3 periods of 60 s$`,
                    "m",
                ),
            );
        }
        assert.match(
            prod.markdown,
            /^\| `fargate-service-prod-5xx-rate` \| 5xx answers, % of requests > 5 \| 2 of 3 periods of 60 s \|$/m,
        );
    });

    it("says which strategy each stack deploys with and what rolls it back", () => {
        assert.match(
            prod.stdout,
            /^ {2}Strategy: BLUE_GREEN with a 10-minute bake; 100-200 % of the tasks during a deploy$/m,
        );
        assert.match(
            prod.stdout,
            /^ {2}Rolled back by: the circuit breaker \(tasks that never turn healthy\); the alarms below, on ALARM$/m,
        );
        assert.match(
            prod.stdout,
            /^ {2}Blue\/green: ECS moves web-bluegreen-production \(production\) and web-bluegreen-test \(test\) between web-tg and web-bluegreen-tg, as app-bluegreen-role$/m,
        );
        assert.match(
            dev.stdout,
            /^ {2}Strategy: ROLLING, tasks replaced in place; 0-200 % of the tasks during a deploy$/m,
        );
        assert.match(dev.stdout, /not the alarms below, which only notify$/m);
        assert.doesNotMatch(dev.stdout, /^ {2}Blue\/green:/m);
    });

    it("shows the alarms' thresholds and the rules' routing on the resources themselves", () => {
        assert.match(
            prod.markdown,
            /^ +- `alarms-5xx-rate` MetricAlarm: 5xx answers, % of requests > 5; 2 of 3 periods of 60 s; missing data notBreaching; notifies alarms-topic-topic$/m,
        );
        assert.match(
            prod.markdown,
            /^ +- `web-bluegreen-test` ListenerRule: priority 10 on web-https; if header X-Release-Candidate: true; forward to web-bluegreen-tg 100; ignores changes to actions$/m,
        );
    });
});

describe("the deployment timeline", () => {
    it("adds up: every figure is the sum of the terms printed under it", () => {
        for (const figures of [timeline(dev.stdout), timeline(prod.stdout)]) {
            assert.equal(figures.length, 3);
            for (const figure of figures) {
                assert.ok(figure.terms.length >= 2, figure.title);
                assert.equal(
                    figure.terms.reduce((a, b) => a + b, 0),
                    figure.total,
                    figure.title,
                );
            }
        }
    });

    it("meets the fast lane's target: dev's rolling deploy waits under 2 minutes", () => {
        const [rolling] = timeline(dev.stdout);
        assert.equal(rolling.title, "rolling deploy, 0-200 %, alarms only notify");
        assert.ok(rolling.total < 120, `${rolling.total} s`);
        assert.deepEqual([rolling.total, rolling.terms], [60, [50, 10]]);
    });

    it("gives prod's blue/green deploy its bake, and its rollback the alarm's detection", () => {
        const [rolling, blueGreen, rollback] = timeline(prod.stdout);
        assert.deepEqual([rolling.total, rolling.terms], [285, [30, 20, 30, 15, 180, 10]]);
        assert.deepEqual([blueGreen.title, blueGreen.total], ["blue/green deploy with a 10-minute bake", 705]);
        assert.ok(blueGreen.terms.includes(600));
        assert.match(rollback.title, /^rollback during the bake: an alarm moves production traffic back/);
        assert.deepEqual(rollback.terms, [30, 20, 120, 60, 30, 15, 10]);
    });

    it("follows the stack's settings: a longer deregistration delay and bake", () => {
        const project = scratch.project("slower", {
            files: {
                "Pulumi.prod.yaml": `${fs.readFileSync(path.join(repositoryRoot, "Pulumi.prod.yaml"), "utf8").trimEnd()}\n  fargate-service:deregistrationDelaySeconds: 120\n  fargate-service:bakeTimeMinutes: 20\n`,
            },
        });
        const [rolling, blueGreen] = timeline(plan("prod", project).stdout);
        assert.deepEqual(rolling.terms, [30, 20, 120, 15, 180, 10]);
        assert.equal(blueGreen.total, 30 + 20 + 1200 + 120 + 15 + 10);
    });

    it("shows the rollback a stack without alarm rollback would go through: the circuit breaker's", () => {
        const [, , rollback] = timeline(dev.stdout);
        assert.equal(rollback.title, "rollback by the circuit breaker: tasks that never turn healthy");
        // 3 attempts × (30 launch + 30 judged unhealthy + 15 stop), then the old revision again, then polling.
        assert.deepEqual(rollback.terms, [225, 30, 20, 10]);
    });
});
