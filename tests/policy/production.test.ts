// The production policies, the pack's own and AWSGuard's: each passes a production stack that keeps it, refuses
// one that breaks it, and leaves a dev stack alone. A stack is production by its name (urn:pulumi:prod::...).
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RecordedResource } from "../../tools/mocks/mockEngine";
import { resourceTypes as t } from "../../tools/resourceTypes";
import { declare, packForThisFile, violationsOf } from "./packUnderTest";

const pack = packForThisFile();

interface Choices {
    stack?: string;
    desiredCount?: number;
    minCapacity?: number;
    zones?: string[];
    deletionProtection?: boolean;
    https?: boolean;
    sslPolicy?: string;
    accessLogs?: boolean;
}

/** A load-balanced service as the stack declares it, with the choices the production rules judge. */
function service(choices: Choices = {}): RecordedResource[] {
    const stack = choices.stack ?? "prod";
    const subnets = (choices.zones ?? ["us-east-1a", "us-east-1b"]).map((zone, i) =>
        declare(t.subnet, `private-${i + 1}`, { availabilityZone: zone }, { stack }),
    );
    const cluster = declare(t.cluster, "cluster", {}, { stack });
    const app = declare(
        t.service,
        "app-service",
        {
            desiredCount: choices.desiredCount ?? 2,
            networkConfiguration: { subnets: subnets.map((subnet) => `${subnet.name}-id`) },
        },
        { stack, from: { networkConfiguration: subnets, cluster: [cluster] } },
    );
    const scaling = declare(
        t.scalingTarget,
        "scaling",
        { minCapacity: choices.minCapacity ?? 2, maxCapacity: 6, resourceId: "service/cluster/app-service" },
        { stack, from: { resourceId: [cluster, app] } },
    );
    const alb = declare(
        t.loadBalancer,
        "web-alb",
        {
            loadBalancerType: "application",
            internal: false,
            enableDeletionProtection: choices.deletionProtection ?? true,
            ...(choices.accessLogs === true ? { accessLogs: { bucket: "logs", enabled: true } } : {}),
        },
        { stack },
    );
    const https = choices.https ?? true;
    const listener = (name: string, inputs: Record<string, unknown>) =>
        declare(t.listener, name, inputs, { stack, from: { loadBalancerArn: [alb] } });
    return [
        ...subnets,
        cluster,
        app,
        scaling,
        alb,
        listener("web-http", {
            port: 80,
            protocol: "HTTP",
            defaultActions: [
                https
                    ? { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }
                    : { type: "forward", targetGroupArn: "arn:tg" },
            ],
        }),
        ...(https
            ? [
                  listener("web-https", {
                      port: 443,
                      protocol: "HTTPS",
                      sslPolicy: choices.sslPolicy ?? "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
                      certificateArn: "arn:cert",
                  }),
              ]
            : []),
    ];
}

const productionPolicies = [
    "prod-tasks-across-zones",
    "prod-https-listener",
    "elb-deletion-protection-enabled",
    "alb-http-to-https-redirection",
];

describe("production policies", () => {
    it("pass a production stack with two tasks in two zones, a protected load balancer and HTTPS", async () => {
        const report = await pack.judge(service());
        assert.deepEqual(
            productionPolicies.flatMap((policy) => violationsOf(report, policy)),
            [],
        );
    });

    it("leave a dev stack with one task in one zone, an unprotected load balancer and plain HTTP alone", async () => {
        const report = await pack.judge(
            service({
                stack: "dev",
                desiredCount: 1,
                minCapacity: 1,
                zones: ["us-east-1a"],
                deletionProtection: false,
                https: false,
            }),
        );
        assert.deepEqual(
            productionPolicies.flatMap((policy) => violationsOf(report, policy)),
            [],
        );
    });

    it("prod-tasks-across-zones refuses one task, an autoscaling minimum of one, and one zone", async () => {
        const report = await pack.judge(
            service({ desiredCount: 1, minCapacity: 1, zones: ["us-east-1a", "us-east-1a"] }),
        );
        assert.deepEqual(violationsOf(report, "prod-tasks-across-zones"), [
            "mandatory app-service: Service app-service asks for 1 tasks; allowed: at least 2.",
            "mandatory scaling: Target scaling lets autoscaling go down to 1 tasks of Service app-service; allowed: at least 2.",
            "mandatory app-service: Service app-service runs its tasks in 1 availability zone(s); allowed: at least 2.",
        ]);
    });

    it("prod-https-listener refuses a load balancer without HTTPS, and HTTPS that accepts TLS 1.0", async () => {
        assert.deepEqual(violationsOf(await pack.judge(service({ https: false })), "prod-https-listener"), [
            "mandatory web-alb: LoadBalancer web-alb has no HTTPS listener; production serves HTTPS (set a certificate).",
        ]);
        assert.deepEqual(
            violationsOf(await pack.judge(service({ sslPolicy: "ELBSecurityPolicy-2016-08" })), "prod-https-listener"),
            [
                "mandatory web-https: Listener web-https uses the TLS policy ELBSecurityPolicy-2016-08; allowed: a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-Res-2021-06.",
            ],
        );
    });

    it("AWSGuard's elb-deletion-protection-enabled runs on aws:lb load balancers and refuses an unprotected one", async () => {
        assert.deepEqual(
            violationsOf(await pack.judge(service({ deletionProtection: false })), "elb-deletion-protection-enabled"),
            ["mandatory web-alb: Deletion Protection must be enabled."],
        );
    });

    it("AWSGuard's alb-http-to-https-redirection runs on aws:lb listeners and refuses HTTP that is not redirected", async () => {
        assert.deepEqual(violationsOf(await pack.judge(service({ https: false })), "alb-http-to-https-redirection"), [
            "mandatory web-http: Default action for HTTP listener must be a redirect using HTTPS.",
        ]);
    });
});

describe("elb-logging-enabled (AWSGuard, production)", () => {
    it("refuses a production load balancer without access logs, and passes one with them and dev's", async () => {
        assert.deepEqual(violationsOf(await pack.judge(service()), "elb-logging-enabled"), [
            "mandatory web-alb: Elastic Load Balancer must have access logs enabled.",
        ]);
        assert.deepEqual(violationsOf(await pack.judge(service({ accessLogs: true })), "elb-logging-enabled"), []);
        assert.deepEqual(violationsOf(await pack.judge(service({ stack: "dev" })), "elb-logging-enabled"), []);
    });
});
