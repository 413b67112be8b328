// What the plan shows: the terminal plan, the Mermaid diagram drawn from the recorded graph, and the Markdown for a
// pull request, from real runs of the command.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { Snapshot } from "../../../tools/plan/model/snapshot";
import { PlanResult, repositoryRoot, runPlan, Scratch } from "./planCli";

const scratch = new Scratch();
after(() => scratch.cleanUp());

interface Run {
    result: PlanResult;
    mermaid: string;
    markdown: string;
    snapshot: Snapshot;
}

function plan(stack: string, cwd = repositoryRoot, extra: string[] = []): Run {
    const name = `${path.basename(cwd)}-${stack}`;
    const files = {
        mermaid: scratch.file(`${name}.mmd`),
        markdown: scratch.file(`${name}.md`),
        json: scratch.file(`${name}.json`),
    };
    const result = runPlan(
        [stack, "--mermaid", files.mermaid, "--markdown", files.markdown, "--json", files.json, ...extra],
        cwd,
    );
    assert.ok([0, 2].includes(result.status ?? -1), result.stderr);
    const read = (file: string) => fs.readFileSync(file, "utf8");
    return {
        result,
        mermaid: read(files.mermaid),
        markdown: read(files.markdown),
        snapshot: JSON.parse(read(files.json)) as Snapshot,
    };
}

/** Edges as "from -->|label| to", whatever the arrow style. */
function edges(mermaid: string): string[] {
    return [...mermaid.matchAll(/^ {2}(\S+) -\.?->\|"([^"]*)"\| (\S+)$/gm)].map(
        ([, from, label, to]) => `${from} -${label}-> ${to}`,
    );
}

let dev: Run;
let prod: Run;
before(() => {
    dev = plan("dev");
    prod = plan("prod");
});

describe("the terminal plan", () => {
    it("counts the resources of each type the snapshot holds", () => {
        const counts = new Map<string, number>();
        for (const resource of dev.snapshot.resources) {
            counts.set(resource.type, (counts.get(resource.type) ?? 0) + 1);
        }
        for (const [type, count] of counts) {
            assert.match(dev.result.stdout, new RegExp(`^ +${count} {2}${type.replace(/[/$]/g, "\\$&")}$`, "m"));
        }
        assert.match(dev.result.stdout, new RegExp(`^${dev.snapshot.resources.length} resources \\(`, "m"));
    });

    it("draws the resources as a tree under their components, with the properties reviewers check", () => {
        const out = dev.result.stdout;
        assert.match(
            out,
            /^├─ app {2}\(fargate-service:infra:FargateService\)\n│ {2}├─ app-logs {2}\(aws:cloudwatch\/logGroup:LogGroup\)\n│ {2}│ +\/ecs\/fargate-service\/dev · retention 7 days$/m,
        );
        assert.match(out, /health check HTTP \/health every 10 s, 2 to pass, 3 to fail, expects 200/);
        assert.match(out, /cpu 256, memory 512 MiB, X86_64 · image fargate-service-dev@sha256:[0-9a-f]{12}…/);
        assert.match(out, /desired 1, FARGATE · deployments 0-200 %, circuit breaker on with rollback on/);
    });

    it("lists every ingress rule with its source, every IAM policy, and what is public", () => {
        const out = prod.result.stdout;
        assert.match(out, /^ {4}Open to the internet: web-alb$/m);
        assert.match(
            out,
            /^ {4}inbound +firewall-alb +tcp 80 +from 0\.0\.0\.0\/0 \(anywhere\) +HTTP from anywhere \(IPV4\)$/m,
        );
        assert.match(
            out,
            /^ {4}inbound +firewall-service +tcp 8080 +from group firewall-alb +Requests and health checks from the load balancer$/m,
        );
        assert.match(
            out,
            /^ {6}inline policy app-roles-execution: Allow ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage on registry-repo$/m,
        );
        assert.match(
            out,
            /^ {6}inline policy app-roles-execution: Allow logs:CreateLogStream, logs:PutLogEvents on the log streams of app-logs$/m,
        );
        assert.match(out, /^ {4}app-roles-task {2}\(path \/fargate-service\/prod\/\)\n.*\n {6}inline policies: none$/m);
        assert.match(
            out,
            /^ {4}app-service \(tasks\): no public IP addresses; accepts tcp 8080 from group firewall-alb$/m,
        );
        assert.match(
            dev.result.stdout,
            /^ {4}app-service \(tasks\): public IP addresses; accepts tcp 8080 from group firewall-alb$/m,
        );
    });

    it("names the data sources dev reads for the default VPC", () => {
        assert.match(
            dev.result.stdout,
            /^ {2}aws:ec2\/getVpcs:getVpcs \{"filters":\[\{"name":"is-default","values":\["true"\]\}\]\}$/m,
        );
    });

    it("shows the awsx VPC's arguments: block, zones, subnet sizes, NAT strategy and endpoints", () => {
        const out = prod.result.stdout;
        assert.match(
            out,
            /^│ {2}└─ network-vpc {2}\(awsx:ec2:Vpc\)\n│ +10\.0\.0\.0\/16 over 2 zones · subnets Auto: Private \/18, Public \/19 per zone · NAT gateways None ·$/m,
        );
        assert.match(
            out,
            /^│ +endpoints com\.amazonaws\.us-east-1\.s3 \(Gateway\) \(strategy Auto\) · DNS hostnames on$/m,
        );
        assert.match(
            out,
            /Interface com\.amazonaws\.us-east-1\.ecr\.dkr · 2 subnets, private DNS on · groups network-endpoints/,
        );
    });

    it("ends with the creation order: none found, and the orders it checked", () => {
        for (const run of [dev, prod]) {
            assert.match(
                run.result.stdout,
                /^Creation order\n {2}none: every order AWS needs holds in the recorded dependency graph\n {2}orders checked \(7\)\n {4}internet gateway before an internet-facing load balancer$/m,
            );
            assert.match(
                run.markdown,
                /^#### Creation order\n\n\*\*none: every order AWS needs holds in the recorded dependency graph\*\*$/m,
            );
        }
    });

    it("shows a secure value as [secret] and never its ciphertext", () => {
        const project = scratch.project("secret", {
            setting: { stack: "dev", key: "apiKey", value: "{secure: v1:c2VjcmV0LWNpcGhlcnRleHQ=}" },
        });
        const run = plan("dev", project);
        assert.match(run.result.stdout, /^ {2}fargate-service:apiKey +\[secret\]$/m);
        assert.equal(run.snapshot.config["fargate-service:apiKey"], "[secret]");
        for (const text of [run.result.stdout, run.markdown, JSON.stringify(run.snapshot)]) {
            assert.doesNotMatch(text, /c2VjcmV0LWNpcGhlcnRleHQ/);
        }
    });
});

describe("the creation order of a configuration with NAT gateways", () => {
    it("reports the one order awsx leaves to chance, and still exits 0", () => {
        const project = scratch.project("nat", { setting: { stack: "prod", key: "natGateways", value: "onePerAz" } });
        const run = plan("prod", project);
        assert.equal(run.result.status, 0);
        assert.match(
            run.result.stdout,
            /^Creation order\n {2}order races: 1 in the recorded dependency graph\n {4}the NAT gateways of network-vpc \(awsx:ec2:Vpc\) may be created before its internet gateway: awsx declares each NatGateway with dependsOn its subnet only/m,
        );
        assert.match(
            run.markdown,
            /^\*\*order races: 1 in the recorded dependency graph\*\*\n\n- the NAT gateways of network-vpc/m,
        );
    });
});

describe("the Mermaid diagram", () => {
    it("follows a request from the internet through the load balancer to the tasks", () => {
        assert.deepEqual(
            edges(dev.mermaid).filter((edge) => /^(internet|\w+_web_alb|\w+_web_tg) -(?!in-)/.test(edge)),
            [
                "internet -tcp 80-> LoadBalancer_web_alb",
                "LoadBalancer_web_alb -HTTP 80-> TargetGroup_web_tg",
                "TargetGroup_web_tg -to tasks on 8080-> Service_app_service",
            ],
        );
    });

    it("shows the task's image in its repository, its logs and its two roles", () => {
        const all = edges(prod.mermaid);
        for (const edge of [
            "Service_app_service -runs-> TaskDefinition_app_task",
            "TaskDefinition_app_task -image by digest-> Image_registry_image",
            "Image_registry_image -pushed to-> Repository_registry_repo",
            "TaskDefinition_app_task -logs to-> LogGroup_app_logs",
            "TaskDefinition_app_task -execution role-> Role_app_roles_execution",
            "TaskDefinition_app_task -task role-> Role_app_roles_task",
            "Role_app_roles_execution -may CreateLogStream, PutLogEvents-> LogGroup_app_logs",
            "Target_app_scaling_target -scales-> Service_app_service",
            "Service_app_service -tasks in private subnets-> Vpc_network_vpc",
            "Service_app_service -image pulls, logs via-> vpc_endpoints",
            "LoadBalancer_web_alb -in public subnets-> Vpc_network_vpc",
            "vpc_endpoints -in private subnets-> Vpc_network_vpc",
        ]) {
            assert.ok(all.includes(edge), `missing edge ${edge} in\n${all.join("\n")}`);
        }
    });

    it("declares every node an edge uses", () => {
        for (const diagram of [dev.mermaid, prod.mermaid]) {
            const declared = new Set([...diagram.matchAll(/^ +(\w+)(?:\[|\(|\{)/gm)].map(([, id]) => id));
            for (const edge of edges(diagram)) {
                const [from, to] = [edge.split(" -")[0], edge.split("-> ")[1]];
                assert.ok(declared.has(from) && declared.has(to), `undeclared node in ${edge}`);
            }
        }
    });

    it("changes with the graph: a certificate adds port 443 and the HTTPS listener", () => {
        const arn = "arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef";
        const project = scratch.project("https", { setting: { stack: "prod", key: "certificateArn", value: arn } });
        const all = edges(plan("prod", project).mermaid);
        assert.ok(all.includes("internet -tcp 80, tcp 443-> LoadBalancer_web_alb"), all.join("\n"));
        assert.ok(all.includes("LoadBalancer_web_alb -HTTPS 443-> TargetGroup_web_tg"), all.join("\n"));
        assert.ok(!all.includes("LoadBalancer_web_alb -HTTP 80-> TargetGroup_web_tg"), "HTTP now redirects");
    });
});

describe("the Markdown plan", () => {
    it("says what it is and embeds the diagram", () => {
        assert.match(
            dev.markdown,
            /^### Offline plan of `dev`\n\n> A plan of what the Pulumi program declares, run offline under mocked providers: not a cloud diff\./,
        );
        assert.ok(dev.markdown.includes(`\`\`\`mermaid\n${dev.mermaid}\`\`\``));
        assert.match(
            dev.markdown,
            /^\| inbound \| `firewall-service` \| tcp 8080 \| group firewall-alb \| Requests and health checks from the load balancer \|$/m,
        );
    });

    it("with --diff, is the stack's part of the review: the cost change, the call-outs, the changes, the context folded", () => {
        const reviewed = fs.readFileSync(path.join(repositoryRoot, "tests/tools/plan/snapshots/prod.json"), "utf8");
        const base = scratch.file("older-prod.json");
        fs.writeFileSync(base, reviewed.replace('"retentionInDays": 90', '"retentionInDays": 30'));
        const run = plan("prod", repositoryRoot, ["--diff", base, "--base-label", "main @ 1a2b3c4d"]);
        assert.equal(run.result.status, 2);
        assert.match(
            run.result.stdout,
            /^ {2}~ {2}aws:cloudwatch\/logGroup:LogGroup {2}app-logs {2}\[UPDATE\]\n {7}~ retentionInDays {2}30 → 90$/m,
        );
        assert.match(run.markdown, /^### `prod` against `main @ 1a2b3c4d`: 1 to update\n\n\*\*Monthly cost: /);
        assert.match(
            run.markdown,
            /^- \+\$0\.12 to \+\$0\.35\/month: CloudWatch Logs storage, app-logs: 30 days kept → 90 days kept$/m,
        );
        assert.match(run.markdown, /^\*\*Public exposure and IAM: no change\.\*\*$/m);
        assert.match(run.markdown, /~ retentionInDays {2}30 → 90/);
        assert.match(run.markdown, /^- ✅ AWS API rules: /m, "each check says in a line what it found");
        assert.doesNotMatch(run.markdown, /^- ❌ /m);
        const folded = run.markdown.slice(run.markdown.indexOf("<details>"));
        for (const context of ["Security posture", "Monthly cost estimate: "]) {
            assert.ok(folded.includes(`<details><summary>${context}`), `${context} is not folded`);
        }
        assert.ok(!run.markdown.includes("```mermaid"), "the diagram belongs to the full plan, not the review");
        assert.ok(!run.markdown.includes(base), "the base's temporary file path is printed");
        const unlabelled = runPlan(["prod", "--diff", base]);
        assert.match(unlabelled.stdout, /^Offline plan of stack prod compared with the base plan\n/);
        assert.ok(!unlabelled.stdout.includes(base), "without --base-label the base's file path names it");
        assert.doesNotMatch(run.markdown, /not a cloud diff/, "the comment's header says it once, not each stack");
    });
});
