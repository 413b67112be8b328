// The change in monthly cost between two plans, worded for a reviewer, and priced anew on both sides.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultAssumptions } from "../../../../tools/plan/cost/assumptions";
import { diffCost, totalChange } from "../../../../tools/plan/cost/costDiff";
import { estimateCost } from "../../../../tools/plan/cost/estimate";
import { priceTableFor } from "../../../../tools/plan/cost/priceTable";
import { compare } from "../../../../tools/plan/diff/comparison";
import { Snapshot } from "../../../../tools/plan/model/snapshot";
import { StackModel } from "../../../../tools/plan/model/stackModel";
import { referenceStack, resource } from "./referenceStack";

const table = priceTableFor("us-east-1");
const change = (base: Snapshot, head: Snapshot) =>
    diffCost(estimateCost(base, table, defaultAssumptions), estimateCost(head, table, defaultAssumptions));
const texts = (base: Snapshot, head: Snapshot) => change(base, head).lines.map((line) => line.text);

describe("the cost change between two plans", () => {
    it("words a second declared NAT gateway as such, with its address", () => {
        const nat = (n: number) => [
            resource("aws:ec2/natGateway:NatGateway", `nat-${n}`, {}),
            resource("aws:ec2/eip:Eip", `nat-${n}`, { domain: "vpc" }),
        ];
        const one = referenceStack({ natStrategy: "None" }, nat(1));
        const two = referenceStack({ natStrategy: "None" }, [...nat(1), ...nat(2)]);
        assert.deepEqual(texts(one, two), [
            "+$32.85/month: a second NAT gateway: NAT gateway hours, nat-1, nat-2",
            "+$3.65/month: a second NAT gateway address: Public IPv4 addresses of the NAT gateways (Elastic IPs), nat-1, nat-2",
        ]);
        assert.equal(
            totalChange(change(one, two)),
            "Monthly cost: $100.71 to $130.76 → $137.21 to $167.26 (+$36.50/month)",
        );
    });

    it("prices an awsx strategy change by the gateways it adds, and fewer of them as fewer", () => {
        const single = referenceStack({ natStrategy: "Single", zones: 3 });
        const perZone = referenceStack({ natStrategy: "OnePerAz", zones: 3 });
        assert.equal(
            texts(single, perZone)[0],
            "+$65.70/month: 2 NAT gateways more (1 → 3): NAT gateway hours (awsx strategy OnePerAz, 3 zones), net",
        );
        assert.equal(
            texts(perZone, single)[0],
            "-$65.70/month: 2 NAT gateways fewer (3 → 1): NAT gateway hours (awsx strategy Single, 3 zones), net",
        );
    });

    it("words an architecture change by the rates that change", () => {
        assert.deepEqual(texts(referenceStack({ architecture: "X86_64" }), referenceStack()), [
            "-$5.91 to -$11.83/month: Fargate vCPU, api: X86_64 → ARM64 ($0.04048 → $0.03238 per vCPU-hour)",
            "-$1.29 to -$2.58/month: Fargate memory, api: X86_64 → ARM64 ($0.004445 → $0.00356 per GB-hour)",
        ]);
    });

    it("shows a higher maximum as a change at the most tasks only", () => {
        const lines = texts(referenceStack(), referenceStack({ maxCount: 8 }));
        assert.equal(lines[0], "+$0.00 to +$47.28/month: Fargate vCPU (ARM64), api: tasks 2-4 → 2-8");
    });

    it("shows new and removed billing items", () => {
        const secret = resource("aws:secretsmanager/secret:Secret", "db", {});
        assert.deepEqual(texts(referenceStack(), referenceStack({}, [secret])), [
            "+$0.40/month: Secrets Manager secret, db (new)",
        ]);
        assert.deepEqual(texts(referenceStack({}, [secret]), referenceStack()), [
            "-$0.40/month: Secrets Manager secret, db (removed)",
        ]);
        assert.equal(
            totalChange(change(referenceStack(), referenceStack())),
            "Monthly cost: $100.71 to $130.76, no change",
        );
    });

    it("prices the base anew from today's table: a cost stored in the base is never read", () => {
        const base = referenceStack();
        const stale = {
            ...base,
            cost: { ...estimateCost(base, table, defaultAssumptions), total: { low: 9999, high: 9999 } },
        };
        const head = referenceStack({ maxCount: 8 });
        const comparison = compare(stale, new StackModel(head, new Map()), "main", defaultAssumptions);
        assert.deepEqual(comparison.cost.before, { low: 100.71, high: 130.76 });
    });
});
